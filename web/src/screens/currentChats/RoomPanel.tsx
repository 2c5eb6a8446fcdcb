// A room opened from Current Chats: read-only, with its metrics (reaction, first and average response,
// duration, transfers) as the server recorded them.
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { ListedRoom } from '../../api/types';

export function seconds(value: number | undefined): string {
  if (value === undefined || value === null) return '—';
  if (value < 60) return `${value.toFixed(1)} s`;
  const minutes = Math.floor(value / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(value % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function statusOf(room: ListedRoom): string {
  if (!room.open) return 'Closed';
  if (room.onHold) return 'On hold';
  return room.servedBy ? 'Open' : 'Queued';
}

export function RoomPanel({ rid, close }: { rid: string; close: () => void }) {
  const room = useQuery({ queryKey: keys.room(rid), queryFn: () => rest.roomInfo(rid) });
  const transfers = useQuery({ queryKey: keys.transfers(rid), queryFn: () => rest.transferHistory(rid) });
  const r = room.data as ListedRoom | undefined;
  const metric = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <aside className="panel cc-room" aria-label="Chat details">
      <div className="cc-room-head">
        <h2 className="panel-title">{r?.fname ?? 'Chat'}</h2>
        <button type="button" className="button button-quiet button-small" onClick={close}>
          Close details
        </button>
      </div>
      {room.isError && <p role="alert">{room.error.message}</p>}
      {r && (
        <dl className="cc-metrics">
          {metric('Status', statusOf(r))}
          {metric('Served by', r.servedBy?.username ?? '—')}
          {metric('Started', new Date(r.ts).toLocaleString())}
          {metric('Closed', r.closedAt ? new Date(r.closedAt).toLocaleString() : '—')}
          {metric('Messages', String(r.msgs ?? 0))}
          {metric('Reaction time', seconds(r.metrics?.reaction?.ft))}
          {metric('First response', seconds(r.metrics?.response?.ft))}
          {metric('Average response', seconds(r.metrics?.response?.avg))}
          {metric('Duration', seconds(r.metrics?.chatDuration))}
          {metric('Transfers', transfers.data ? String(transfers.data.length) : '…')}
          {metric('Tags', r.tags?.join(', ') || '—')}
          {metric('Last message', r.lastMessage?.msg || '—')}
        </dl>
      )}
    </aside>
  );
}
