import { describe, expect, it } from 'vitest';
import { chartConfig, describe as describeChart, isEmpty } from './chartConfig';

const data = {
  labels: ['ana', 'bo'],
  series: [
    { label: 'Open', values: [2, 1] },
    { label: 'Closed', values: [1, 4] },
  ],
};

describe('chart config', () => {
  it('stacks bars on both axes and lays them horizontally on request', () => {
    const config = chartConfig(data, { kind: 'bar', stacked: true, horizontal: true });
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    const scales = config.options?.scales as Record<string, { stacked: boolean; ticks?: { precision?: number } }>;
    expect(scales.x.stacked && scales.y.stacked).toBe(true);
    expect(scales.x.ticks?.precision).toBe(0); // the value axis of a horizontal chart counts whole chats
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [2, 1],
      [1, 4],
    ]);
    expect(config.options?.animation).toBe(false);
  });

  it('colours each slice of a doughnut', () => {
    const config = chartConfig({ labels: ['a', 'b', 'c'], series: [{ label: 'n', values: [1, 2, 3] }] }, { kind: 'doughnut' });
    expect(config.data.datasets[0].backgroundColor).toHaveLength(3);
    const given = chartConfig({ labels: ['a'], series: [{ label: 'n', values: [1], colors: ['#000000'] }] }, { kind: 'doughnut' });
    expect(given.data.datasets[0].backgroundColor).toEqual(['#000000']);
  });

  it('says the numbers in words', () => {
    expect(describeChart({ labels: ['Open', 'Closed'], series: [{ label: 'Chats', values: [3, 1200] }] })).toBe('Open 3, Closed 1,200');
    expect(describeChart(data)).toBe('ana: Open 2, Closed 1; bo: Open 1, Closed 4');
    expect(describeChart({ labels: ['x'], series: [{ label: 's', values: [0] }] })).toBe('no data');
    expect(isEmpty({ labels: [], series: [] })).toBe(true);
  });
});
