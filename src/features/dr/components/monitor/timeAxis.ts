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
