// Current Chats' state — filters, sort, page, columns, the open room — kept in the URL (a shareable link)
// and turned into GET livechat/rooms' query. The server decides what matches; this only names the ask.
import type { RoomsQuery } from '../../api/rest';

export type Status = '' | 'open' | 'closed' | 'queued' | 'onhold';

export interface ChatFilters {
  guest: string;
  agent: string;
  status: Status;
  department: string;
  tags: string[];
  createdFrom: string; // YYYY-MM-DD, UTC days
  createdTo: string;
  closedFrom: string;
  closedTo: string;
  sort: string; // a column id
  dir: 1 | -1;
  page: number; // from 0
  columns: string[];
  room: string; // the room opened beside the list
}

export interface Column {
  id: string;
  label: string;
  fields: string[]; // what the column needs of each room (`fields`)
  sort?: string; // the document path it sorts by
}

export const COLUMNS: Column[] = [
  { id: 'guest', label: 'Guest', fields: ['fname', 'v'], sort: 'fname' },
  { id: 'agent', label: 'Served by', fields: ['servedBy'], sort: 'servedBy.username' },
  { id: 'department', label: 'Department', fields: ['department', 'departmentId'], sort: 'departmentId' },
  { id: 'status', label: 'Status', fields: ['open', 'onHold', 'servedBy'] },
  { id: 'started', label: 'Started', fields: ['ts'], sort: 'ts' },
  { id: 'closed', label: 'Closed', fields: ['closedAt'], sort: 'closedAt' },
  { id: 'messages', label: 'Messages', fields: ['msgs'], sort: 'msgs' },
  { id: 'tags', label: 'Tags', fields: ['tags'] },
  { id: 'source', label: 'Source', fields: ['source'], sort: 'source.type' },
];
export const DEFAULT_COLUMNS = ['guest', 'agent', 'department', 'status', 'started', 'messages', 'tags'];
export const PAGE_SIZE = 25;
const STATUSES: Status[] = ['', 'open', 'closed', 'queued', 'onhold'];

export const EMPTY: ChatFilters = {
  guest: '',
  agent: '',
  status: '',
  department: '',
  tags: [],
  createdFrom: '',
  createdTo: '',
  closedFrom: '',
  closedTo: '',
  sort: 'started',
  dir: -1,
  page: 0,
  columns: DEFAULT_COLUMNS,
  room: '',
};

const TEXT_KEYS = ['guest', 'agent', 'department', 'createdFrom', 'createdTo', 'closedFrom', 'closedTo', 'room'] as const;

export function parseSearch(search: string): ChatFilters {
  const params = new URLSearchParams(search);
  const out: ChatFilters = { ...EMPTY };
  for (const key of TEXT_KEYS) out[key] = params.get(key) ?? '';
  const status = params.get('status') ?? '';
  out.status = (STATUSES as string[]).includes(status) ? (status as Status) : '';
  out.tags = params.getAll('tag');
  const sort = params.get('sort');
  if (sort && COLUMNS.some((c) => c.id === sort && c.sort)) out.sort = sort;
  out.dir = params.get('dir') === 'asc' ? 1 : -1;
  out.page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);
  const columns = params.get('columns');
  if (columns) out.columns = columns.split(',').filter((id) => COLUMNS.some((c) => c.id === id));
  return out;
}

export function toSearch(f: ChatFilters): string {
  const params = new URLSearchParams();
  for (const key of TEXT_KEYS) if (f[key]) params.set(key, f[key]);
  if (f.status) params.set('status', f.status);
  for (const tag of f.tags) params.append('tag', tag);
  if (f.sort !== EMPTY.sort) params.set('sort', f.sort);
  if (f.dir === 1) params.set('dir', 'asc');
  if (f.page) params.set('page', String(f.page));
  if (f.columns.join(',') !== DEFAULT_COLUMNS.join(',')) params.set('columns', f.columns.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function range(from: string, to: string): { start?: string; end?: string } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { start: `${from}T00:00:00.000Z` } : {}), ...(to ? { end: `${to}T23:59:59.999Z` } : {}) };
}

const STATUS_QUERY: Record<Exclude<Status, ''>, RoomsQuery> = {
  open: { open: 'true' },
  closed: { open: 'false' },
  queued: { queued: 'true' },
  onhold: { onhold: 'true' },
};

/** The filter and sort as GET livechat/rooms (and rooms.export) read them. */
export function filterQuery(f: ChatFilters): RoomsQuery {
  const sortPath = COLUMNS.find((c) => c.id === f.sort)?.sort ?? 'ts';
  return {
    ...(f.guest ? { roomName: f.guest } : {}),
    ...(f.agent ? { agents: [f.agent] } : {}),
    ...(f.status ? STATUS_QUERY[f.status] : {}),
    ...(f.department ? { departmentId: f.department } : {}),
    ...(f.tags.length ? { tags: f.tags } : {}),
    createdAt: range(f.createdFrom, f.createdTo),
    closedAt: range(f.closedFrom, f.closedTo),
    sort: { [sortPath]: f.dir },
  };
}

/** One page of the list: the filter, the page and the chosen columns' `fields` (the exact total comes with it). */
export function pageQuery(f: ChatFilters): RoomsQuery {
  const fields: Record<string, 1> = { _id: 1 };
  for (const column of COLUMNS) if (f.columns.includes(column.id)) for (const path of column.fields) fields[path] = 1;
  return { ...filterQuery(f), offset: f.page * PAGE_SIZE, count: PAGE_SIZE, fields };
}

/**
 * The facet counts beside the filters, asked apart from the page: some filters' facets take far longer than
 * their page at a million rooms (a guest name: seconds against ~0.1 s), and the table and its total must not
 * wait for them. Sort and page do not change facets, so they are left out (one request per filter).
 */
export function facetQuery(f: ChatFilters): RoomsQuery {
  const { sort: _sort, ...filter } = filterQuery(f);
  return { ...filter, count: 1, fields: { _id: 1 }, facets: 'status,department,agent,tag' };
}
