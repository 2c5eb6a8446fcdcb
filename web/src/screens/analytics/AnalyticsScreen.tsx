// Analytics: for a period (preset or custom days) and a department, the overview numbers, chats over time,
// the agents table, and the conversation breakdowns (by source, status, department, tag, agent).
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import * as analytics from '../../api/analytics';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { Chart } from '../../components/Chart';
import { Counters } from '../../components/Counters';
import { instants, periodError, PRESETS, presetPeriod, type Preset } from '../../components/period';
import { useUrlState } from '../../components/useUrlState';
import { counters, titleOf } from '../monitoring/monitoringData';
import {
  analyticsSearch,
  bucketQueries,
  METRICS,
  overTimeChart,
  overviewQuery,
  parseAnalytics,
  reportChart,
  type AnalyticsFilters,
} from './analyticsFilters';
import '../../styles/dashboards.css';

const parse = (search: string) => parseAnalytics(search);
const asIs = (raw: string) => raw;

const REPORTS: [analytics.ReportKind, string, 'doughnut' | 'bar', string, (raw: string) => string][] = [
  ['conversations-by-source', 'Conversations by source', 'doughnut', 'Source', titleOf],
  ['conversations-by-status', 'Conversations by status', 'doughnut', 'Status', titleOf],
  ['conversations-by-department', 'Conversations by department', 'bar', 'Department', asIs],
  ['conversations-by-tags', 'Conversations by tag', 'bar', 'Tag', asIs],
  ['conversations-by-agent', 'Conversations by agent', 'bar', 'Agent', asIs],
];

function PeriodPicker({ filters, change }: { filters: AnalyticsFilters; change: (next: Partial<AnalyticsFilters>) => void }) {
  const ids = { preset: useId(), from: useId(), to: useId() };
  const pick = (preset: Preset) =>
    change(preset === 'custom' ? { preset } : { preset, ...presetPeriod(preset) });
  return (
    <>
      <div className="dash-filter">
        <label htmlFor={ids.preset}>Period</label>
        <select id={ids.preset} value={filters.preset} onChange={(e) => pick(e.target.value as Preset)}>
          {PRESETS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </select>
      </div>
      <div className="dash-filter">
        <label htmlFor={ids.from}>From</label>
        <input id={ids.from} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => change({ preset: 'custom', from: e.target.value })} />
      </div>
      <div className="dash-filter">
        <label htmlFor={ids.to}>To</label>
        <input id={ids.to} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => change({ preset: 'custom', to: e.target.value })} />
      </div>
    </>
  );
}

export function AnalyticsScreen() {
  const [filters, change] = useUrlState(parse, analyticsSearch);
  const departments = useQuery({ queryKey: keys.departments, queryFn: rest.departments, staleTime: 5 * 60_000 });
  const ids = { department: useId(), metric: useId() };
  const invalid = periodError(filters);
  const enabled = !invalid;
  const cached = { placeholderData: keepPreviousData, enabled, staleTime: 60_000 };

  const overview = (name: string) => {
    const q = overviewQuery(filters, name);
    return { queryKey: keys.analytics('overview', rest.queryString({ ...q })), queryFn: () => analytics.overview(q), ...cached };
  };
  const conversations = useQuery(overview('Conversations'));
  const productivity = useQuery(overview('Productivity'));
  const agentQuery = overviewQuery(filters, filters.metric);
  const agents = useQuery({
    queryKey: keys.analytics('agent-overview', rest.queryString({ ...agentQuery })),
    queryFn: () => analytics.agentOverview(agentQuery),
    ...cached,
  });
  const slices = bucketQueries(filters);
  const overTime = useQueries({
    queries: slices.map(({ query }) => ({
      queryKey: keys.analytics('charts/chats', rest.queryString({ ...query })),
      queryFn: () => analytics.chatsByStatus(query),
      ...cached,
    })),
  });
  const period = { ...(enabled ? instants(filters) : { start: '', end: '' }), ...(filters.department ? { departmentId: filters.department } : {}) };
  const reports = useQueries({
    queries: REPORTS.map(([kind]) => ({
      queryKey: keys.analytics(kind, rest.queryString({ ...period })),
      queryFn: () => analytics.report(kind, period),
      ...cached,
    })),
  });
  const error = [conversations, productivity, agents, ...overTime, ...reports].find((q) => q.isError)?.error;

  return (
    <div className="screen dash">
      <header className="screen-head dash-head">
        <h1>Analytics</h1>
        <form className="dash-filters" aria-label="Analytics filters" onSubmit={(e) => e.preventDefault()}>
          <PeriodPicker filters={filters} change={change} />
          <div className="dash-filter">
            <label htmlFor={ids.department}>Department</label>
            <select id={ids.department} value={filters.department} onChange={(e) => change({ department: e.target.value })}>
              <option value="">All departments</option>
              {(departments.data ?? []).map((d) => (
                <option key={d._id} value={d._id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      </header>
      <div className="dash-body">
        {invalid && <p role="alert" className="form-error">{invalid}</p>}
        {error && <p role="alert" className="form-error">{error.message}</p>}
        <Counters title="Conversations overview" items={counters(conversations.data)} loading={enabled && conversations.isPending} />
        <Counters title="Productivity overview" items={counters(productivity.data)} loading={enabled && productivity.isPending} />
        <div className="dash-row">
          <Chart
            title="Chats over time"
            category="Period"
            kind="bar"
            stacked
            data={overTimeChart(
              slices.map((s) => s.label),
              overTime.map((q) => q.data),
            )}
            loading={overTime.some((q) => q.isPending)}
          />
        </div>
        <section className="dash-agents" aria-labelledby={`${ids.metric}-title`}>
          <div className="dash-section-head">
            <h2 id={`${ids.metric}-title`}>Agents</h2>
            <div className="dash-filter">
              <label htmlFor={ids.metric}>Metric</label>
              <select id={ids.metric} value={filters.metric} onChange={(e) => change({ metric: e.target.value })}>
                {METRICS.map((m) => (
                  <option key={m} value={m}>
                    {titleOf(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <table className="dash-table" aria-label={`Agents: ${titleOf(filters.metric)}`}>
            <thead>
              <tr>
                {(agents.data?.head.length ? agents.data.head : [{ name: 'Agent' }, { name: filters.metric }]).map((h) => (
                  <th key={h.name} scope="col">
                    {titleOf(h.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(agents.data?.data ?? []).map((row, i) => (
                <tr key={`${i}-${row.name}`}>
                  <th scope="row">{row.name}</th>
                  <td>{typeof row.value === 'number' ? row.value.toLocaleString('en') : row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {agents.data && agents.data.data.length === 0 && <p className="muted">No agent served chats in this period.</p>}
        </section>
        <h2 className="dash-section-title">Breakdowns</h2>
        <div className="dash-grid">
          {REPORTS.map(([kind, title, chartKind, category, label], i) => (
            <Chart
              key={kind}
              title={`${title}${reports[i].data ? ` (${reports[i].data.total.toLocaleString('en')})` : ''}`}
              category={category}
              kind={chartKind}
              horizontal={chartKind === 'bar'}
              data={reportChart(reports[i].data, label)}
              loading={enabled && reports[i].isPending}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
