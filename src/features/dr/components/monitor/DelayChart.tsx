import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../../../lib/format';
import { currentLanguage } from '../../../../lib/i18n';
import type { ChartPoint } from '../../model/downsample';
import type { Interval, Thresholds } from '../../model/threshold';
import { timeAxisProps, timeTickFormatter, TOOLTIP_CONTENT_STYLE } from './timeAxis';

export const DELAY_COLORS = {
  rpo: 'var(--mantine-color-orange-7)',
  rto: 'var(--mantine-color-red-8)',
} as const;

export interface DelayChartProps {
  points: ChartPoint<'rpo' | 'rto'>[];
  domain: [number, number];
  thresholds: Thresholds;
  above: { rpo: Interval[]; rto: Interval[] };
  onZoom: (from: number, to: number) => void;
  height?: number;
}

/** The smallest drag (ms) that zooms; a click is not a zoom. */
const MIN_ZOOM_MS = 2_000;
const TICKS = 6;

/** RPO and RTO (s) over time with threshold lines, the time above them shaded, and drag-to-zoom. */
export function DelayChart({ points, domain, thresholds, above, onZoom, height = 300 }: DelayChartProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const tick = timeTickFormatter(language, domain[1] - domain[0]);
  const seconds = (ms: number) => ms / 1000;
  const data = points.map((p) => ({
    t: p.t,
    rpo: p.rpo === null ? null : seconds(p.rpo),
    rto: p.rto === null ? null : seconds(p.rto),
  }));
  const labelOf = (key: 'rpo' | 'rto') => t(`drMonitor.series.${key}`);
  const clip = (i: Interval) => ({ from: Math.max(i.from, domain[0]), to: Math.min(i.to, domain[1]) });
  const box = useRef<HTMLDivElement>(null);
  const dragRef = useRef<{ from: number; to: number } | undefined>(undefined);
  /** The time under the pointer, from the plot area (the grid) and the domain; undefined outside it. */
  const at = (clientX: number) => {
    const grid = box.current?.querySelector('.recharts-cartesian-grid')?.getBoundingClientRect();
    if (!grid || grid.width <= 0) return undefined;
    const f = (clientX - grid.left) / grid.width;
    return domain[0] + Math.min(1, Math.max(0, f)) * (domain[1] - domain[0]);
  };

  return (
    <div
      ref={box}
      style={{ width: '100%', height, userSelect: 'none' }}
      data-testid="delay-chart"
      onMouseDown={(event) => {
        const x = at(event.clientX);
        if (x === undefined) return;
        dragRef.current = { from: x, to: x };
        setDrag(dragRef.current);
        // the button may be released anywhere (over a notification, outside the chart)
        window.addEventListener(
          'mouseup',
          () => {
            const d = dragRef.current;
            dragRef.current = undefined;
            setDrag(undefined);
            if (d && Math.abs(d.to - d.from) >= MIN_ZOOM_MS)
              onZoom(Math.min(d.from, d.to), Math.max(d.from, d.to));
          },
          { once: true },
        );
      }}
      onMouseMove={(event) => {
        const x = at(event.clientX);
        if (!dragRef.current || x === undefined) return;
        dragRef.current = { ...dragRef.current, to: x };
        setDrag(dragRef.current);
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          aria-labelledby="delay-chart-title"
          aria-describedby="delay-chart-summary"
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis {...timeAxisProps(domain, tick, TICKS, 12)} />
          <YAxis
            stroke="var(--mantine-color-text)"
            fontSize={12}
            width={56}
            tickFormatter={(v: number) => formatNumber(v, language, { maximumFractionDigits: 1 })}
            label={{
              value: t('drMonitor.units.seconds'),
              angle: -90,
              position: 'insideLeft',
              fill: 'var(--mantine-color-text)',
              fontSize: 12,
            }}
          />
          <Tooltip
            labelFormatter={(v) => tick(Number(v))}
            formatter={(v, name) => [
              `${formatNumber(Number(v), language, { maximumFractionDigits: 2 })} ${t('drMonitor.units.secondsShort')}`,
              name,
            ]}
            contentStyle={TOOLTIP_CONTENT_STYLE}
          />
          <Legend />
          {(['rpo', 'rto'] as const).flatMap((key) =>
            above[key].map((i) => {
              const c = clip(i);
              return c.to > c.from ? (
                <ReferenceArea
                  key={`${key}-${i.from}`}
                  x1={c.from}
                  x2={c.to}
                  fill={DELAY_COLORS[key]}
                  fillOpacity={0.12}
                  ifOverflow="hidden"
                  className={`above-threshold above-${key}`}
                />
              ) : null;
            }),
          )}
          {(['rpo', 'rto'] as const).map((key) =>
            thresholds[key] ? (
              <ReferenceLine
                key={`th-${key}`}
                y={seconds(thresholds[key])}
                stroke={DELAY_COLORS[key]}
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                className={`threshold-line threshold-${key}`}
                label={{
                  value: t('drMonitor.chart.thresholdLabel', { series: labelOf(key) }),
                  position: 'insideTopRight',
                  fill: 'var(--mantine-color-text)',
                  fontSize: 11,
                }}
              />
            ) : null,
          )}
          <Line
            type="linear"
            dataKey="rpo"
            name={labelOf('rpo')}
            stroke={DELAY_COLORS.rpo}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="rto"
            name={labelOf('rto')}
            stroke={DELAY_COLORS.rto}
            dot={false}
            strokeWidth={2}
            strokeDasharray="4 2"
            isAnimationActive={false}
            connectNulls={false}
          />
          {drag && drag.to !== drag.from ? (
            <ReferenceArea
              x1={Math.min(drag.from, drag.to)}
              x2={Math.max(drag.from, drag.to)}
              fill="var(--mantine-color-indigo-5)"
              fillOpacity={0.2}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
