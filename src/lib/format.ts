import { INTL_LOCALE, type Language } from './i18n';

/** Dates and numbers per UI language, through Intl only. */

/** Parses the service's time values: integer milliseconds (number or string, as `create_time`) or a date text. */
export function parseServiceTime(value: string | number | null | undefined): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(Number(trimmed));
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}

export function formatDateTime(
  value: string | number | Date | null | undefined,
  language: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' },
): string {
  const date = value instanceof Date ? value : parseServiceTime(value);
  if (!date || Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(INTL_LOCALE[language], options).format(date);
}

/** Intl.NumberFormat instances are costly to create (tables format hundreds of numbers): one per language+options. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${options ? JSON.stringify(options) : ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(
  value: number | null | undefined,
  language: Language,
  options?: Intl.NumberFormatOptions,
) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(language, options).format(value);
}

/** 0.42 → "42%" (en) / "42%" (zh). Accepts the service's "42%" strings too. */
export function formatPercent(value: number | string | null | undefined, language: Language): string {
  const n = typeof value === 'string' ? Number.parseFloat(value.replace('%', '')) / 100 : value;
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: 'percent', maximumFractionDigits: 1 }).format(
    n,
  );
}

/** A duration in seconds as the largest two units, e.g. "2 hr 5 min" / "2小时5分钟". */
export function formatDuration(seconds: number | null | undefined, language: Language): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 || (parts.length === 0 && unit === 'second')) {
      parts.push(
        new Intl.NumberFormat(INTL_LOCALE[language], { style: 'unit', unit, unitDisplay: 'short' }).format(
          amount,
        ),
      );
      rest -= amount * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(language === 'zh-cn' ? '' : ' ');
}
