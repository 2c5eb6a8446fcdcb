// One administration screen by its section, or a plain refusal when this user may not use it.
import { Link } from '../../app/router';
import { AgentsScreen } from './AgentsScreen';
import { CustomFieldsScreen } from './CustomFieldsScreen';
import { DepartmentsScreen } from './DepartmentsScreen';
import { ManagersScreen } from './ManagersScreen';
import { RoutingScreen } from './RoutingScreen';
import { TagsScreen } from './TagsScreen';
import { UsersScreen } from './UsersScreen';
import { useSections } from './useSections';
import { WidgetScreen } from './WidgetScreen';
import './admin.css';

const SCREENS: Record<string, () => React.JSX.Element> = {
  agents: AgentsScreen,
  managers: ManagersScreen,
  departments: DepartmentsScreen,
  tags: TagsScreen,
  'custom-fields': CustomFieldsScreen,
  routing: RoutingScreen,
  widget: WidgetScreen,
  users: UsersScreen,
};

export function AdminScreen({ section }: { section: string }) {
  const { sections, ready } = useSections();
  const Screen = SCREENS[section];
  if (!ready) return <div className="empty" role="status">Loading…</div>;
  if (!Screen || !sections.some((s) => s.id === section)) {
    return (
      <div className="empty">
        <h1>Not available</h1>
        <p>
          This screen is not part of your desk. <Link to="/">Back to your chats</Link>
        </p>
      </div>
    );
  }
  return <Screen />;
}
