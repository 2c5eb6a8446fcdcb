// Rocket.Chat's system messages (`t`) as the sentences an agent reads in the timeline; null hides one.
import type { Message } from '../../api/types';

/** Types kept out of the timeline: connection chatter and page visits (those are in the visitor panel). */
const HIDDEN = new Set(['command', 'livechat_navigation_history', 'livechat_video_call', 'au', 'ru', 'user-muted']);

function who(user: { name?: string; username?: string } | undefined): string {
  return user?.name || user?.username || 'Someone';
}

export function systemText(message: Message): string | null {
  if (!message.t) return null;
  if (HIDDEN.has(message.t)) return null;
  const by = who(message.u);
  switch (message.t) {
    case 'livechat-started':
      return 'Chat started';
    case 'uj':
      return `${by} joined the chat`;
    case 'ul':
      return `${by} left the chat`;
    case 'livechat-close':
      return message.msg ? `Chat closed by ${by}: ${message.msg}` : `Chat closed by ${by}`;
    case 'omnichannel_placed_chat_on_hold':
      return message.comment || (message.msg ? `Chat placed on hold: ${message.msg}` : 'Chat placed on hold');
    case 'omnichannel_on_hold_chat_resumed':
      return message.comment || (message.msg ? `Chat resumed: ${message.msg}` : 'Chat resumed');
    case 'livechat_transfer_history': {
      const data = message.transferData;
      const from = who(data?.transferredBy);
      const comment = data?.comment ? ` — “${data.comment}”` : '';
      switch (data?.scope) {
        case 'agent':
          return `${from} forwarded the chat to ${who(data.transferredTo)}${comment}`;
        case 'department':
          return `${from} forwarded the chat to the department ${data.nextDepartment?.name ?? ''}`.trim() + comment;
        case 'queue':
          return `${from} returned the chat to the queue${comment}`;
        default:
          return `The chat was transferred${comment}`;
      }
    }
    default:
      return message.msg || message.t;
  }
}
