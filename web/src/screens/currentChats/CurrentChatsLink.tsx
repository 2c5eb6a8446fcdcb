// The sidebar's way to Current Chats, shown only to those who may list every room (view-livechat-rooms).
import { usePermission } from '../../app/permissions';
import { Link, useRoute } from '../../app/router';
import { Icon } from '../../components/Icon';

export function CurrentChatsLink() {
  const route = useRoute();
  const allowed = usePermission('view-livechat-rooms');
  if (!allowed) return null;
  const current = route.name === 'current-chats';
  return (
    <Link to="/current-chats" className={`nav-link ${current ? 'nav-link-current' : ''}`} aria-current={current ? 'page' : undefined}>
      <Icon name="history" />
      <span>Current chats</span>
    </Link>
  );
}
