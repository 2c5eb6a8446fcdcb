// Where a chat came from: the widget, the API, an app (WhatsApp...) with its alias, email or SMS.
import type { RoomSource } from '../api/types';
import { Icon, type IconName } from './Icon';

export function sourceLabel(source: RoomSource | undefined): string {
  if (!source) return 'Unknown source';
  if (source.type === 'app') return source.alias || source.label || 'App';
  if (source.type === 'widget') return 'Website widget';
  if (source.type === 'api') return 'API';
  if (source.type === 'email') return 'Email';
  if (source.type === 'sms') return 'SMS';
  return source.alias || 'Other';
}

function iconOf(source: RoomSource | undefined): IconName {
  const hint = `${source?.sidebarIcon ?? ''} ${source?.defaultIcon ?? ''} ${source?.alias ?? ''}`.toLowerCase();
  if (hint.includes('whatsapp')) return 'whatsapp';
  switch (source?.type) {
    case 'widget':
      return 'globe';
    case 'api':
      return 'code';
    case 'email':
      return 'mail';
    case 'sms':
      return 'phone';
    default:
      return 'chat';
  }
}

export function SourceIcon({ source }: { source: RoomSource | undefined }) {
  const name = iconOf(source);
  return (
    <span className={`source-icon source-${name}`} title={sourceLabel(source)}>
      <Icon name={name} label={sourceLabel(source)} />
    </span>
  );
}
