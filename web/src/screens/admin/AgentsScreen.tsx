// Agents: who takes chats (livechat/users/agent), each agent's departments and max chats.
import { LivechatUsersScreen } from './LivechatUsersScreen';

export function AgentsScreen() {
  return <LivechatUsersScreen kind="agent" />;
}
