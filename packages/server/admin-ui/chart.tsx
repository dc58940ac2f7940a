import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

interface ChartProps {
  /** Bucket starts, epoch seconds. */
  x: number[];
  series: ChartSeries[];
  /** Formats y values on the axis and in the legend. */
  format?: (value: number) => string;
  bars?: boolean;
  /** Counts: integer ticks only. */
  integer?: boolean;
}

const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

/**
 * One uPlot chart (canvas, CSSOM-only styling: it runs under the dashboard's strict CSP). It is
 * rebuilt when its data changes, which is at most once per live refresh.
 */
export function Chart({ x, series, format = (v) => String(v), bars = false, integer = false }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const paths = bars ? uPlot.paths.bars?.({ size: [0.6, 40] }) : undefined;
    const half = ((x[1] ?? 0) - (x[0] ?? 0)) / 2;
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: 180,
        scales: {
          // Half a bucket of room on each side, so the newest bucket's bar is not cut in half.
          x: { time: true, range: (_u, min, max) => [min - half, max + half] },
          y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max)] },
        },
        axes: [
          {},
          {
            values: (_u, ticks) => ticks.map(format),
            size: 56,
            ...(integer ? { incrs: INTEGER_STEPS } : {}),
          },
        ],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: bars ? s.color : undefined,
            width: 2,
            paths,
            points: { show: true, size: 6 },
            spanGaps: false,
            value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)),
          })),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      el,
    );
    return () => plot.destroy();
  }, [x, series, bars, format, integer]);
  return <div class="chart" ref={box} />;
}
