// Current Chats: every room the manager may see, filtered, sorted and paged by GET livechat/rooms with its
// exact total and facet counts; the state lives in the URL; the CSV button exports what is on screen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { ListedRoom } from '../../api/types';
import { FilterBar } from './FilterBar';
import { COLUMNS, EMPTY, facetQuery, filterQuery, PAGE_SIZE, pageQuery, parseSearch, toSearch, type ChatFilters } from './filters';
import { RoomPanel, statusOf } from './RoomPanel';
import './currentChats.css';

function cell(id: string, room: ListedRoom): string {
  switch (id) {
    case 'guest':
      return room.fname ?? room.v?.username ?? '';
    case 'agent':
      return room.servedBy?.username ?? '—';
    case 'department':
      return room.department?.name ?? (room.departmentId ? room.departmentId : '—');
    case 'status':
      return statusOf(room);
    case 'started':
      return new Date(room.ts).toLocaleString();
    case 'closed':
      return room.closedAt ? new Date(room.closedAt).toLocaleString() : '—';
    case 'messages':
      return String(room.msgs ?? 0);
    case 'tags':
      return room.tags?.join(', ') ?? '';
    case 'source':
      return room.source?.alias ?? room.source?.type ?? '';
    default:
      return '';
  }
}

function useUrlFilters(): [ChatFilters, (next: Partial<ChatFilters>) => void] {
  const [filters, setFilters] = useState(() => parseSearch(window.location.search));
  useEffect(() => {
    const url = `${window.location.pathname}${toSearch(filters)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  }, [filters]);
  useEffect(() => {
    const back = () => setFilters(parseSearch(window.location.search));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  // any change but paging, sorting, columns or the open room starts again from the first page
  const change = (next: Partial<ChatFilters>) =>
    setFilters((f) => ({ ...f, ...next, page: 'page' in next ? (next.page ?? 0) : 'room' in next || 'columns' in next ? f.page : 0 }));
  return [filters, change];
}

function ColumnChooser({ filters, change }: { filters: ChatFilters; change: (next: Partial<ChatFilters>) => void }) {
  return (
    <details className="cc-columns">
      <summary className="button button-quiet button-small">Columns</summary>
      <fieldset>
        <legend className="visually-hidden">Columns shown</legend>
        {COLUMNS.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={filters.columns.includes(c.id)}
              onChange={(e) =>
                change({ columns: e.target.checked ? COLUMNS.map((x) => x.id).filter((id) => id === c.id || filters.columns.includes(id)) : filters.columns.filter((id) => id !== c.id) })
              }
            />
            {c.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

export function CurrentChatsScreen() {
  const [filters, change] = useUrlFilters();
  const query = pageQuery(filters);
  const list = useQuery({
    queryKey: keys.livechatRooms(rest.queryString(query)),
    queryFn: () => rest.livechatRooms(query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const counts = facetQuery(filters);
  const facets = useQuery({
    queryKey: keys.livechatRooms(rest.queryString(counts)),
    queryFn: () => rest.livechatRooms(counts),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const [exporting, setExporting] = useState<string | null>(null);
  const total = list.data?.total ?? 0;
  const first = total ? filters.page * PAGE_SIZE + 1 : 0;
  const last = Math.min(total, (filters.page + 1) * PAGE_SIZE);
  const columns = COLUMNS.filter((c) => filters.columns.includes(c.id));

  const download = async () => {
    setExporting('Preparing the CSV…');
    try {
      const { blob, filename } = await rest.exportRooms(filterQuery(filters));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      link.click();
      URL.revokeObjectURL(link.href);
      setExporting(null);
    } catch (error) {
      setExporting(error instanceof Error ? error.message : 'The export failed');
    }
  };
  const sortBy = (id: string) => change({ sort: id, dir: filters.sort === id ? (filters.dir === 1 ? -1 : 1) : -1 });

  return (
    <div className="screen cc">
      <div className="screen-head cc-head">
        <h1>Current chats</h1>
        <div className="cc-actions">
          <ColumnChooser filters={filters} change={change} />
          <button type="button" className="button button-quiet button-small" onClick={() => change({ ...EMPTY, columns: filters.columns })}>
            Clear filters
          </button>
          <button type="button" className="button button-primary button-small" onClick={() => void download()} disabled={exporting === 'Preparing the CSV…'}>
            Download CSV
          </button>
        </div>
      </div>
      {exporting && exporting !== 'Preparing the CSV…' && <p role="alert">{exporting}</p>}
      <FilterBar filters={filters} facets={facets.data?.facets} change={change} />
      <div className="cc-body">
        <div className="cc-table-wrap">
          {list.isError && <p role="alert">{list.error.message}</p>}
          <table className="cc-table" aria-label="Chats" aria-busy={list.isFetching}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.id} scope="col" aria-sort={filters.sort === c.id ? (filters.dir === 1 ? 'ascending' : 'descending') : undefined}>
                    {c.sort ? (
                      <button type="button" className="cc-sort" onClick={() => sortBy(c.id)}>
                        {c.label}
                        <span aria-hidden="true">{filters.sort === c.id ? (filters.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(list.data?.rooms ?? []).map((room) => (
                <tr
                  key={room._id}
                  className={room._id === filters.room ? 'cc-row-current' : undefined}
                  onClick={() => change({ room: room._id })}
                >
                  {columns.map((c, i) => (
                    <td key={c.id}>
                      {i === 0 ? (
                        <button type="button" className="cc-open" onClick={() => change({ room: room._id })}>
                          {cell(c.id, room) || '—'}
                        </button>
                      ) : (
                        cell(c.id, room)
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {list.data && total === 0 && <p className="empty">No chats match these filters.</p>}
          <nav className="cc-paging" aria-label="Pages">
            <span role="status">{list.isPending ? 'Loading…' : `${first.toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`}</span>
            <button type="button" className="button button-quiet button-small" disabled={filters.page === 0} onClick={() => change({ page: filters.page - 1 })}>
              Previous page
            </button>
            <button type="button" className="button button-quiet button-small" disabled={last >= total} onClick={() => change({ page: filters.page + 1 })}>
              Next page
            </button>
          </nav>
        </div>
        {filters.room && <RoomPanel key={filters.room} rid={filters.room} close={() => change({ room: '' })} />}
      </div>
    </div>
  );
}
