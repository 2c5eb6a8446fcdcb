// Routing: how chats reach agents (Rocket.Chat's Livechat_* routing settings).
import { AdminPage } from './parts';
import { SettingsForm, type SettingField } from './SettingsForm';

const FIELDS: SettingField[] = [
  {
    id: 'Livechat_Routing_Method',
    label: 'Routing method',
    kind: 'select',
    choices: [
      { value: 'Auto_Selection', label: 'Auto selection (the least busy available agent)' },
      { value: 'Manual_Selection', label: 'Manual selection (agents take chats from the queue)' },
    ],
  },
  { id: 'Livechat_maximum_chats_per_agent', label: 'Max simultaneous chats per agent (0: no limit)', kind: 'int' },
  { id: 'Livechat_accept_chats_with_no_agents', label: 'Accept chats when no agent is online', kind: 'boolean', hint: 'they wait in the queue' },
  { id: 'Livechat_waiting_queue', label: 'Waiting queue', kind: 'boolean', hint: 'chats wait when every agent is full' },
  { id: 'Livechat_request_comment_when_closing_conversation', label: 'A comment is required to close a chat', kind: 'boolean' },
];

export function RoutingScreen() {
  return (
    <AdminPage title="Routing" intro="How new chats reach agents. Changes apply to the next chat.">
      <SettingsForm name="Routing settings" fields={FIELDS} />
    </AdminPage>
  );
}
