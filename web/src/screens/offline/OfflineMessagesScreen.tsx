// What visitors left through the widget's offline form while nobody was online (livechat/offline.messages),
// newest first, for the managers who answer them by mail. The server decides who may read them.
import { useInfiniteQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { OfflineMessage, Paged } from '../../api/types';
import { longWhen } from '../../components/time';
import { useDepartmentNames } from '../queue/QueueScreen';

const PAGE = 50;

type OfflinePage = Paged & { messages: OfflineMessage[] };

function Row({ item, department }: { item: OfflineMessage; department?: string }) {
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={item.ts}>{longWhen(item.ts)}</time>
      </td>
      <td>
        <div className="offline-from">{item.name}</div>
        <a href={`mailto:${item.email}`} className="small">
          {item.email}
        </a>
      </td>
      <td>{department ?? (item.department ? '—' : <span className="muted">None</span>)}</td>
      <td className="offline-text">{item.message}</td>
      <td className="small">{item.mailedTo?.length ? item.mailedTo.join(', ') : <span className="muted">Not mailed</span>}</td>
    </tr>
  );
}

export function OfflineMessagesScreen() {
  const names = useDepartmentNames();
  const list = useInfiniteQuery({
    queryKey: keys.offlineMessages,
    queryFn: ({ pageParam }) => rest.offlineMessages(pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last: OfflinePage, pages) => {
      const loaded = pages.reduce((n, page) => n + page.messages.length, 0);
      return loaded < last.total && last.messages.length > 0 ? loaded : undefined;
    },
    refetchInterval: 60_000,
  });
  const items = list.data?.pages.flatMap((page) => page.messages) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <section className="screen" aria-labelledby="offline-title">
      <header className="screen-head">
        <h1 id="offline-title">
          Offline messages <span className="muted">({total})</span>
        </h1>
        <p className="muted small">Left through the widget while no agent was online; each was also mailed to the department's or the offline address.</p>
      </header>
      <div className="screen-body">
        {list.isError ? (
          <p className="form-error pad" role="alert">
            {list.error.message}
          </p>
        ) : null}
        {list.isPending ? <p className="muted pad">Loading the offline messages…</p> : null}
        {list.isSuccess && items.length === 0 ? <p className="muted pad">No visitor has left a message yet.</p> : null}
        {items.length ? (
          <table className="table">
            <caption className="visually-hidden">Offline messages, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">From</th>
                <th scope="col">Department</th>
                <th scope="col">Message</th>
                <th scope="col">Mailed to</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <Row key={item._id} item={item} department={item.department ? names.get(item.department) : undefined} />
              ))}
            </tbody>
          </table>
        ) : null}
        {list.hasNextPage ? (
          <p className="pad">
            <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? 'Loading…' : 'Show more'}
            </button>
          </p>
        ) : null}
      </div>
    </section>
  );
}
