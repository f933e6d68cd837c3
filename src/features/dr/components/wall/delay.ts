import { formatDuration, formatNumber } from '../../../../lib/format';
import type { Language } from '../../../../lib/i18n';

/** A DR delay in milliseconds (4.4.2 `delay`): "850 ms" below a second, else "1 min 5 s". */
export function formatDelayMs(ms: number | null | undefined, language: Language): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1_000)
    return formatNumber(ms, language, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' });
  if (ms < 60_000)
    return formatNumber(ms / 1_000, language, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
  return formatDuration(ms / 1_000, language);
}
