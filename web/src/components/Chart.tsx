// One chart (chart.js on a canvas) with its numbers in words as the canvas's name and as a table beside it,
// so every figure can be read without seeing the drawing.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { chartConfig, describe, isEmpty, type ChartData, type ChartOptions } from './chartConfig';

// Only the pieces drawn here, so the bundle carries no other chart type.
ChartJs.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

interface Props extends ChartOptions {
  title: string;
  data: ChartData;
  /** The first column's heading in the table (what the categories are). */
  category: string;
  empty?: string;
  loading?: boolean;
}

export function Chart({ title, data, category, empty = 'Nothing in this period.', loading, ...options }: Props) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const chart = useRef<ChartJs<ChartOptions['kind'], number[], string> | null>(null);
  const drawn = useRef<string>(''); // the kind and layout the current chart was made for
  const titleId = useId();
  const format = options.format ?? ((v: number) => v.toLocaleString('en'));
  const nothing = isEmpty(data);
  const { kind, stacked, horizontal } = options;

  useEffect(() => {
    if (nothing || !canvas.current) {
      // the canvas is gone (nothing to draw): a later chart needs a new one
      chart.current?.destroy();
      chart.current = null;
      return;
    }
    const config = chartConfig(data, options);
    const layout = `${kind}/${stacked}/${horizontal}`;
    if (chart.current && drawn.current === layout) {
      chart.current.data = config.data;
      chart.current.update('none');
      return;
    }
    chart.current?.destroy();
    chart.current = new ChartJs(canvas.current, config);
    drawn.current = layout;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- redrawn when the numbers or the kind change
  }, [JSON.stringify(data), kind, stacked, horizontal, nothing]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const many = data.series.length > 1 && !options.format; // durations do not add up
  return (
    <figure className="chart" aria-labelledby={titleId} aria-busy={loading || undefined}>
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      {nothing ? (
        <p className="chart-empty muted">{loading ? 'Loading…' : empty}</p>
      ) : (
        <div className={`chart-canvas chart-${kind}`}>
          <canvas ref={canvas} role="img" aria-label={`${title}: ${describe(data, format)}`} />
        </div>
      )}
      <details className="chart-table">
        <summary>
          Table<span className="visually-hidden"> of {title}</span>
        </summary>
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              {data.series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
              {many && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {data.labels.map((label, i) => (
              <tr key={`${i}-${label}`}>
                <th scope="row">{label}</th>
                {data.series.map((s) => (
                  <td key={s.label}>{format(s.values[i] ?? 0)}</td>
                ))}
                {many && <td>{format(data.series.reduce((n, s) => n + (s.values[i] ?? 0), 0))}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
