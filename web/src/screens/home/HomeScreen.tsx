// The desk with no chat open: a summary of what waits, and where to go.
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { Link } from '../../app/router';
import { useMyChats } from '../../app/Shell';

export function HomeScreen() {
  const { active, onHold, unreadTotal } = useMyChats();
  const routing = useQuery({ queryKey: keys.routing, queryFn: rest.routingConfig, staleTime: 5 * 60_000 });
  const queue = useQuery({ queryKey: [...keys.queue, 'count'], queryFn: () => rest.queue(0, 1) });
  const waiting = active.filter((item) => item.waitingResponse).length;
  return (
    <div className="empty">
      <h1>Your desk</h1>
      <ul className="stats" aria-label="Summary">
        <li>
          <strong>{active.length}</strong> open {active.length === 1 ? 'chat' : 'chats'}
        </li>
        <li>
          <strong>{waiting}</strong> waiting for your response
        </li>
        <li>
          <strong>{unreadTotal}</strong> unread {unreadTotal === 1 ? 'message' : 'messages'}
        </li>
        <li>
          <strong>{onHold.length}</strong> on hold
        </li>
        {routing.data?.showQueue ? (
          <li>
            <strong>{queue.data?.total ?? 0}</strong> in the <Link to="/queue">queue</Link>
          </li>
        ) : null}
      </ul>
      <p className="muted">
        {routing.data?.autoAssignAgent
          ? 'New chats are assigned to available agents automatically; they appear in the list on the left.'
          : 'New chats wait in the queue until an agent takes them.'}
      </p>
    </div>
  );
}
