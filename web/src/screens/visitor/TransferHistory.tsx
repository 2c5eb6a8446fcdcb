// The chat's forwards, newest first (livechat/transfer.history).
import { useQuery } from '@tanstack/react-query';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { shortWhen } from '../../components/time';

export function TransferHistory({ rid }: { rid: string }) {
  const history = useQuery({ queryKey: keys.transfers(rid), queryFn: () => rest.transferHistory(rid) });
  return (
    <>
      <h3>Transfer history</h3>
      {history.error ? (
        <p className="muted small">{history.error.message}</p>
      ) : history.data?.length ? (
        <ol className="plain-list">
          {history.data.map((item, index) => {
            const by = item?.transferredBy?.name || item?.transferredBy?.username || 'Someone';
            const to =
              item?.scope === 'department'
                ? `department ${item.nextDepartment?.name ?? ''}`
                : item?.scope === 'queue'
                  ? 'the queue'
                  : item?.transferredTo?.name || item?.transferredTo?.username || '';
            return (
              <li key={index}>
                {by} → {to} <span className="muted small">{shortWhen(item?.ts)}</span>
                {item?.comment ? <div className="muted small">“{item.comment}”</div> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{history.isPending ? 'Loading…' : 'Not transferred.'}</p>
      )}
    </>
  );
}
