// Who the agent is talking to: contact details, where the chat came from, custom fields, pages visited,
// earlier chats and the transfer history — each read from the API, nothing inferred in the browser.
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { CustomField, Room } from '../../api/types';
import { usePermission } from '../../app/permissions';
import { chatPath, Link } from '../../app/router';
import { SourceIcon, sourceLabel } from '../../components/SourceIcon';
import { longWhen, shortWhen } from '../../components/time';
import { useDepartmentNames } from '../queue/QueueScreen';
import { EditInfoDialog } from './EditInfoDialog';
import { TransferHistory } from './TransferHistory';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function fieldRows(values: Record<string, string> | undefined, fields: CustomField[], scope: 'visitor' | 'room') {
  const labels = new Map(fields.filter((f) => f.scope === scope).map((f) => [f._id, f.label]));
  return Object.entries(values ?? {})
    .filter(([, value]) => value !== '' && value !== null && typeof value !== 'object')
    .map(([key, value]) => (
      <Row key={key} label={labels.get(key) ?? key}>
        {String(value)}
      </Row>
    ));
}

export function VisitorPanel({ room }: { room: Room }) {
  const [editing, setEditing] = useState(false);
  const visitor = useQuery({ queryKey: keys.visitor(room.v._id), queryFn: () => rest.visitorInfo(room.v._id) });
  const fields = useQuery({ queryKey: keys.customFields, queryFn: rest.customFields, staleTime: 5 * 60_000 });
  const pages = useQuery({ queryKey: keys.pages(room._id), queryFn: () => rest.pagesVisited(room._id) });
  const history = useQuery({
    queryKey: keys.chatHistory(room._id, room.v._id),
    queryFn: () => rest.chatHistory(room._id, room.v._id),
  });
  const departments = useDepartmentNames();
  const canSeeTransfers = usePermission('view-livechat-rooms'); // transfer.history's own permission
  const v = visitor.data;
  const email = v?.visitorEmails?.[0]?.address;
  const phone = v?.phone?.[0]?.phoneNumber ?? room.v.phone?.[0]?.phoneNumber;
  const earlier = (history.data ?? []).filter((r) => r._id !== room._id);

  return (
    <aside className="panel" aria-labelledby="panel-title">
      <h2 id="panel-title" className="panel-title">
        Visitor
      </h2>
      {visitor.error ? (
        <p className="form-error small" role="alert">
          {visitor.error.message}
        </p>
      ) : null}
      <dl className="facts">
        <Row label="Name">{v?.name ?? room.fname}</Row>
        <Row label="Username">{v?.username ?? room.v.username}</Row>
        <Row label="Email">{email ? <a href={`mailto:${email}`}>{email}</a> : null}</Row>
        <Row label="Phone">{phone ? <a href={`tel:${phone}`}>{phone}</a> : null}</Row>
        {fieldRows(v?.livechatData, fields.data ?? [], 'visitor')}
      </dl>

      <div className="panel-section-head">
        <h3>Conversation</h3>
        {room.open ? (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null}
      </div>
      <dl className="facts">
        <Row label="Source">
          <span className="inline-source">
            <SourceIcon source={room.source} /> {sourceLabel(room.source)}
            {room.source?.type === 'app' && room.source.label ? ` · ${room.source.label}` : ''}
          </span>
        </Row>
        <Row label="Department">{room.departmentId ? departments.get(room.departmentId) ?? room.departmentId : 'None'}</Row>
        <Row label="Started">{longWhen(room.ts)}</Row>
        <Row label="Agent">{room.servedBy?.username}</Row>
        <Row label="Topic">{room.topic}</Row>
        <Row label="Tags">
          {room.tags?.length ? (
            <span className="tag-list">
              {room.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : null}
        </Row>
        {fieldRows(room.livechatData, fields.data ?? [], 'room')}
      </dl>

      <h3>Pages visited</h3>
      {pages.data?.length ? (
        <ol className="plain-list">
          {pages.data.map((page) => {
            const href = page.navigation?.page?.location?.href;
            const title = page.navigation?.page?.title || href || page.msg;
            return (
              <li key={page._id}>
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {title}
                  </a>
                ) : (
                  title
                )}{' '}
                <span className="muted small">{shortWhen(page.ts)}</span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{pages.isPending ? 'Loading…' : 'No pages recorded.'}</p>
      )}

      <h3>Earlier chats</h3>
      {earlier.length ? (
        <ul className="plain-list">
          {earlier.map((past) => (
            <li key={past._id}>
              <Link to={chatPath(past._id)}>{longWhen(past.ts)}</Link>{' '}
              <span className="muted small">{past.open ? 'open' : 'closed'}{past.tags?.length ? ` · ${past.tags.join(', ')}` : ''}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{history.isPending ? 'Loading…' : 'No earlier chats.'}</p>
      )}

      {canSeeTransfers ? <TransferHistory rid={room._id} /> : null}
      {editing && v ? <EditInfoDialog room={room} visitor={v} onClose={() => setEditing(false)} /> : null}
    </aside>
  );
}
