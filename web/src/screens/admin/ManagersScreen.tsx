// Managers: who holds livechat-manager; add one by username, remove one (livechat/users/manager).
import { LivechatUsersScreen } from './LivechatUsersScreen';

export function ManagersScreen() {
  return <LivechatUsersScreen kind="manager" />;
}
