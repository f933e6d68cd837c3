import { INTL_LOCALE, type Language } from '../../../../lib/i18n';

/** Tick text of a time axis: time of day for ranges up to a day, date and time beyond. */
export function timeTickFormatter(language: Language, spanMs: number): (t: number) => string {
  const format = new Intl.DateTimeFormat(
    INTL_LOCALE[language],
    spanMs <= 86_400_000
      ? { hour: '2-digit', minute: '2-digit', ...(spanMs <= 600_000 ? { second: '2-digit' } : {}) }
      : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  );
  return (t: number) => format.format(new Date(t));
}

/** `count` evenly spaced ticks across a time domain (Recharts picks too few on a sparse time axis). */
export function timeTicks([from, to]: [number, number], count = 6): number[] {
  if (!(to > from)) return [from];
  const step = (to - from) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(from + i * step));
}

/**
 * The props of a chart's time axis (Recharts `XAxis`) over `domain`: numeric time, `count` evenly spaced ticks
 * labelled by `tick`, data beyond the domain clipped.
 */
export function timeAxisProps(
  domain: [number, number],
  tick: (t: number) => string,
  count: number,
  fontSize: number,
) {
  return {
    dataKey: 't',
    type: 'number',
    scale: 'time',
    domain,
    allowDataOverflow: true,
    tickFormatter: tick,
    ticks: timeTicks(domain, count),
    stroke: 'var(--mantine-color-text)',
    fontSize,
  } as const;
}

/** The charts' tooltip box, in the colour scheme's body and border colours. */
export const TOOLTIP_CONTENT_STYLE = {
  background: 'var(--mantine-color-body)',
  borderColor: 'var(--mantine-color-default-border)',
} as const;
