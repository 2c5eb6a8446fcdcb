// Realtime monitoring: the livechat/analytics/dashboards totalizers and charts for a period and department,
// refreshed at the chosen rate and at once when the queue changes (the inquiry stream the desk already has).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import * as analytics from '../../api/analytics';
import { keys } from '../../api/keys';
import * as rest from '../../api/rest';
import { watchQueue } from '../../api/streams';
import { useLive } from '../../app/live';
import { Chart } from '../../components/Chart';
import { Counters } from '../../components/Counters';
import { useUrlState } from '../../components/useUrlState';
import {
  agentChart,
  agentStatusChart,
  counters,
  departmentChart,
  duration,
  statusChart,
  timingsChart,
} from './monitoringData';
import { dashboardQuery, EVERY, monitoringSearch, parseMonitoring, PERIODS } from './monitoringFilters';
import '../../styles/dashboards.css';

/** Refetch every dashboard soon after queue activity (a burst of events costs one refresh). */
function useQueueRefresh() {
  const { ddp } = useLive();
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = watchQueue(ddp, () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: ['livechat/analytics'] });
      }, 500);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [ddp, queryClient]);
}

export function MonitoringScreen() {
  const [filters, change] = useUrlState(parseMonitoring, monitoringSearch);
  const query = dashboardQuery(filters);
  const qs = rest.queryString({ ...query });
  const every = filters.every * 1000;
  const departments = useQuery({ queryKey: keys.departments, queryFn: rest.departments, staleTime: 5 * 60_000 });
  useQueueRefresh();
  const ids = { department: useId(), period: useId(), every: useId() };

  const live = <T,>(path: string, fn: () => Promise<T>) => ({
    queryKey: keys.analytics(path, qs),
    queryFn: fn,
    refetchInterval: every,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const conversations = useQuery(live('conversation-totalizers', () => analytics.totalizers('conversation-totalizers', query)));
  const productivity = useQuery(live('productivity-totalizers', () => analytics.totalizers('productivity-totalizers', query)));
  const chats = useQuery(live('chats-totalizers', () => analytics.totalizers('chats-totalizers', query)));
  const agentsProductivity = useQuery(
    live('agents-productivity-totalizers', () => analytics.totalizers('agents-productivity-totalizers', query)),
  );
  const byStatus = useQuery(live('charts/chats', () => analytics.chatsByStatus(query)));
  const perAgent = useQuery(live('charts/chats-per-agent', () => analytics.chatsPerAgent(query)));
  const perDepartment = useQuery(live('charts/chats-per-department', () => analytics.chatsPerDepartment(query)));
  const timings = useQuery(live('charts/timings', () => analytics.timings(query)));
  const agentsStatus = useQuery({
    ...live('charts/agents-status', () => analytics.agentsStatus(filters.department || undefined)),
    queryKey: keys.analytics('charts/agents-status', filters.department),
  });
  const error = [conversations, byStatus, perAgent, perDepartment, timings, agentsStatus, chats, productivity, agentsProductivity].find(
    (q) => q.isError,
  )?.error;
  const updated = conversations.dataUpdatedAt ? new Date(conversations.dataUpdatedAt).toLocaleTimeString() : '';

  return (
    <div className="screen dash">
      <header className="screen-head dash-head">
        <h1>Realtime monitoring</h1>
        <form className="dash-filters" aria-label="Monitoring filters" onSubmit={(e) => e.preventDefault()}>
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
          <div className="dash-filter">
            <label htmlFor={ids.period}>Period</label>
            <select id={ids.period} value={filters.period} onChange={(e) => change({ period: e.target.value as typeof filters.period })}>
              {PERIODS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="dash-filter">
            <label htmlFor={ids.every}>Update every</label>
            <select id={ids.every} value={filters.every} onChange={(e) => change({ every: Number(e.target.value) })}>
              {EVERY.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <span className="muted small dash-updated">{updated && `Updated ${updated}`}</span>
        </form>
      </header>
      <div className="dash-body">
        {error && <p role="alert" className="form-error">{error.message}</p>}
        <Counters title="Conversations" items={counters(conversations.data)} loading={conversations.isPending} />
        <div className="dash-row">
          <Chart title="Chats" category="Status" kind="doughnut" data={statusChart(byStatus.data)} loading={byStatus.isPending} />
          <Chart
            title="Chats per agent"
            category="Agent"
            kind="bar"
            stacked
            horizontal
            data={agentChart(perAgent.data)}
            loading={perAgent.isPending}
          />
        </div>
        <Counters title="Chats" items={counters(chats.data)} loading={chats.isPending} />
        <div className="dash-row">
          <Chart
            title="Agent status"
            category="Status"
            kind="doughnut"
            data={agentStatusChart(agentsStatus.data)}
            empty="No agents."
            loading={agentsStatus.isPending}
          />
          <Chart
            title="Chats per department"
            category="Department"
            kind="bar"
            stacked
            horizontal
            data={departmentChart(perDepartment.data)}
            loading={perDepartment.isPending}
          />
        </div>
        <Counters title="Agents productivity" items={counters(agentsProductivity.data)} loading={agentsProductivity.isPending} />
        <Counters title="Productivity" items={counters(productivity.data)} loading={productivity.isPending} />
        <div className="dash-row">
          <Chart
            title="Timings"
            category="Timing"
            kind="bar"
            format={duration}
            data={timingsChart(timings.data)}
            loading={timings.isPending}
          />
        </div>
      </div>
    </div>
  );
}
