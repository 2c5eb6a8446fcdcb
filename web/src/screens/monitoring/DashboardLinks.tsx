// The sidebar's ways to Realtime monitoring and Analytics, each shown only to those the server's permission
// table lets see it (Rocket.Chat's view-livechat-real-time-monitoring and view-livechat-analytics).
import { usePermission } from '../../app/permissions';
import { Link, useRoute } from '../../app/router';
import { Icon, type IconName } from '../../components/Icon';

function DashboardLink({ to, name, label, icon, permission }: { to: string; name: string; label: string; icon: IconName; permission: string }) {
  const route = useRoute();
  const allowed = usePermission(permission);
  if (!allowed) return null;
  const current = route.name === name;
  return (
    <Link to={to} className={`nav-link ${current ? 'nav-link-current' : ''}`} aria-current={current ? 'page' : undefined}>
      <Icon name={icon} />
      <span>{label}</span>
    </Link>
  );
}

export function DashboardLinks() {
  return (
    <>
      <DashboardLink to="/monitoring" name="monitoring" label="Realtime monitoring" icon="pulse" permission="view-livechat-real-time-monitoring" />
      <DashboardLink to="/analytics" name="analytics" label="Analytics" icon="chart" permission="view-livechat-analytics" />
    </>
  );
}
