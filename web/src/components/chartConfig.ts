// Chart data as the screens build it (categories × series) turned into a chart.js configuration, and the
// same numbers in words for the canvas's accessible name.
import type { ChartConfiguration } from 'chart.js';

export interface Series {
  label: string;
  values: number[];
  color?: string;
  /** A doughnut's slice colours, one per label (a palette when absent). */
  colors?: string[];
}

export interface ChartData {
  labels: string[];
  series: Series[];
}

export type ChartKind = 'bar' | 'doughnut';

export interface ChartOptions {
  kind: ChartKind;
  stacked?: boolean;
  horizontal?: boolean;
  format?: (value: number) => string;
}

// Distinct at a glance and each ≥ 3:1 against white (WCAG's non-text contrast).
export const PALETTE = ['#1f57c9', '#1b6e35', '#a33c00', '#6b3fa0', '#0b5c82', '#8a5a00', '#576173', '#b3261e'];

const plain = (value: number) => value.toLocaleString('en');

export function isEmpty(data: ChartData): boolean {
  return data.labels.length === 0 || data.series.every((s) => s.values.every((v) => !v));
}

/** "Open 3, Closed 5" for one series; each series' total for several. */
export function describe(data: ChartData, format: (value: number) => string = plain): string {
  if (isEmpty(data)) return 'no data';
  if (data.series.length === 1) {
    return data.labels.map((label, i) => `${label} ${format(data.series[0].values[i] ?? 0)}`).join(', ');
  }
  return data.labels
    .map((label, i) => `${label}: ${data.series.map((s) => `${s.label} ${format(s.values[i] ?? 0)}`).join(', ')}`)
    .join('; ');
}

export function chartConfig(data: ChartData, options: ChartOptions): ChartConfiguration<ChartKind, number[], string> {
  const format = options.format ?? plain;
  const doughnut = options.kind === 'doughnut';
  return {
    type: options.kind,
    data: {
      labels: data.labels,
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: doughnut
          ? (s.colors ?? data.labels.map((_, j) => PALETTE[j % PALETTE.length]))
          : (s.color ?? PALETTE[i % PALETTE.length]),
        borderWidth: doughnut ? 1 : 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: doughnut || data.series.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${format(Number(ctx.raw))}` } },
      },
      scales: doughnut
        ? {}
        : {
            [options.horizontal ? 'y' : 'x']: { stacked: !!options.stacked },
            [options.horizontal ? 'x' : 'y']: {
              stacked: !!options.stacked,
              beginAtZero: true,
              // counts have no halves; durations are labelled as durations
              ticks: { callback: (v: string | number) => format(Number(v)), ...(options.format ? {} : { precision: 0 }) },
            },
          },
    },
  };
}
