import { INTL_LOCALE, type Language } from '../../../lib/i18n';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "5 minutes ago" / "5分钟前", in the largest unit that fits. */
export function formatRelative(date: Date | undefined, now: number, language: Language): string {
  if (!date || Number.isNaN(date.getTime())) return '—';
  const diff = date.getTime() - now;
  const format = new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.round(diff / ms), unit);
  }
  return '—';
}
