import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { currentLanguage } from '../lib/i18n';

/** After this long a first load says since when it waits (as DataFreshness does for a slow refresh: 8 s). */
export const WAITING_SINCE_AFTER_MS = 8_000;

/**
 * For a loader: the time it appeared ("10:42:07", the UI language's clock) once it has been shown for `afterMs`,
 * undefined before. Mount it with the loading state (the wait began then); it ticks each second while mounted.
 */
export function useWaitingSince(afterMs = WAITING_SINCE_AFTER_MS): string | undefined {
  const { i18n } = useTranslation();
  const [since] = useState(() => Date.now());
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (now - since < afterMs) return undefined;
  return formatDateTime(new Date(since), currentLanguage(i18n), { timeStyle: 'medium' });
}
