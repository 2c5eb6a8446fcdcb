// Current Chats' filters, each with the exact number of rooms it would list beside its values (facets).
import { useQuery } from '@tanstack/react-query';
import { useId, type ReactElement } from 'react';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import type { Facets } from '../../api/types';
import type { ChatFilters, Status } from './filters';

const STATUS_LABELS: [Exclude<Status, ''>, string][] = [
  ['open', 'Open'],
  ['queued', 'Queued'],
  ['onhold', 'On hold'],
  ['closed', 'Closed'],
];

function counted(label: string, n: number | undefined): string {
  return n === undefined ? label : `${label} (${n.toLocaleString()})`;
}

/** A label named exactly by its text (not by the control's value, as a wrapping label would be). */
function Filter({ label, children }: { label: string; children: (id: string) => ReactElement }) {
  const id = useId();
  return (
    <div className="cc-filter">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

interface Props {
  filters: ChatFilters;
  facets: Facets | undefined;
  change: (next: Partial<ChatFilters>) => void;
}

export function FilterBar({ filters, facets, change }: Props) {
  const departments = useQuery({ queryKey: keys.departments, queryFn: rest.departments, staleTime: 5 * 60_000 });
  const agents = useQuery({ queryKey: keys.allAgents, queryFn: rest.allAgents, staleTime: 5 * 60_000 });
  const tags = useQuery({ queryKey: keys.tags, queryFn: rest.tags, staleTime: 5 * 60_000 });
  const tagNames = [...new Set([...(tags.data ?? []).map((t) => t.name), ...Object.keys(facets?.tag ?? {})])].sort();
  const date = (key: 'createdFrom' | 'createdTo' | 'closedFrom' | 'closedTo', label: string) => (
    <Filter label={label}>
      {(id) => (
        <input id={id} type="date" value={filters[key]} onChange={(e) => change({ [key]: e.target.value })} />
      )}
    </Filter>
  );
  return (
    <form className="cc-filters" role="search" aria-label="Filter chats" onSubmit={(e) => e.preventDefault()}>
      <Filter label="Guest">
        {(id) => (
          <input id={id} type="search" value={filters.guest} placeholder="Name" onChange={(e) => change({ guest: e.target.value })} />
        )}
      </Filter>
      <Filter label="Served by">
        {(id) => (
          <select id={id} value={filters.agent} onChange={(e) => change({ agent: e.target.value })}>
            <option value="">Anyone</option>
            {(agents.data ?? []).map((a) => (
              <option key={a._id} value={a._id}>
                {counted(a.name || a.username, facets?.agent?.[a._id] ?? 0)}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="Status">
        {(id) => (
          <select id={id} value={filters.status} onChange={(e) => change({ status: e.target.value as Status })}>
            <option value="">All</option>
            {STATUS_LABELS.map(([value, label]) => (
              <option key={value} value={value}>
                {counted(label, facets?.status?.[value])}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter label="Department">
        {(id) => (
          <select id={id} value={filters.department} onChange={(e) => change({ department: e.target.value })}>
            <option value="">All</option>
            {(departments.data ?? []).map((d) => (
              <option key={d._id} value={d._id}>
                {counted(d.name, facets?.department?.[d._id] ?? 0)}
              </option>
            ))}
          </select>
        )}
      </Filter>
      {date('createdFrom', 'Started from')}
      {date('createdTo', 'Started to')}
      {date('closedFrom', 'Closed from')}
      {date('closedTo', 'Closed to')}
      <fieldset className="cc-tags">
        <legend>Tags</legend>
        {tagNames.length === 0 && <span className="muted">No tags</span>}
        {tagNames.map((tag) => {
          const on = filters.tags.includes(tag);
          return (
            <label key={tag} className={`cc-tag ${on ? 'cc-tag-on' : ''}`}>
              <input
                type="checkbox"
                checked={on}
                onChange={() => change({ tags: on ? filters.tags.filter((t) => t !== tag) : [...filters.tags, tag] })}
              />
              {counted(tag, facets?.tag?.[tag] ?? 0)}
            </label>
          );
        })}
      </fieldset>
    </form>
  );
}
