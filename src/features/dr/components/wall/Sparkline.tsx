import type { ChartPoint } from '../../model/downsample';

export interface SparklineProps {
  points: readonly ChartPoint<'rpo' | 'rto'>[];
  /** RPO threshold (ms), drawn as a dashed line when it falls inside the shown range. */
  threshold?: number | undefined;
  /** The time range shown (ms epoch). */
  from: number;
  to: number;
  label: string;
  width?: number;
  height?: number;
}

/** SVG path of one series; a null value (a gap) lifts the pen, so gaps stay gaps. */
function pathOf(
  points: readonly ChartPoint<'rpo' | 'rto'>[],
  key: 'rpo' | 'rto',
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = p[key];
    if (v === null || v === undefined) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** RTO first (dotted, underneath), then RPO (solid, on top). */
const LINES: ReadonlyArray<{ key: 'rpo' | 'rto'; stroke: string; width: number; dash?: string }> = [
  { key: 'rto', stroke: 'var(--mantine-color-grape-text)', width: 1.5, dash: '2 2' },
  { key: 'rpo', stroke: 'var(--mantine-color-blue-text)', width: 2 },
];

/**
 * A tile's RPO (solid) and RTO (dotted) over the last minutes, as a light SVG: 50 tiles redraw every cycle, so no
 * chart library here. The text alternative (`label`) carries the figures; the drawing is decoration for sight.
 */
export function Sparkline({ points, threshold, from, to, label, width = 240, height = 48 }: SparklineProps) {
  let max = threshold ?? 0;
  for (const p of points) max = Math.max(max, p.rpo ?? 0, p.rto ?? 0);
  max = max > 0 ? max * 1.1 : 1;
  const span = Math.max(1, to - from);
  const x = (t: number) => ((t - from) / span) * width;
  const y = (v: number) => height - 2 - (v / max) * (height - 4);
  const thresholdY = threshold !== undefined ? y(threshold) : undefined;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="none"
      data-testid="dr-tile-sparkline"
      data-points={points.length}
      style={{ display: 'block' }}
    >
      {thresholdY !== undefined && (
        <line
          x1={0}
          x2={width}
          y1={thresholdY}
          y2={thresholdY}
          stroke="var(--mantine-color-red-filled)"
          strokeDasharray="4 3"
          strokeWidth={1}
          vectorEffect="non-scaling-stroke"
        />
      )}
      {LINES.map((line) => (
        <path
          key={line.key}
          d={pathOf(points, line.key, x, y)}
          fill="none"
          stroke={line.stroke}
          strokeDasharray={line.dash}
          strokeWidth={line.width}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
