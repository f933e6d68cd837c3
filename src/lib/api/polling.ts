export const DEFAULT_POLL_MS = 5_000;

function tabHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

/**
 * A data-driven `refetchInterval`: polls every `intervalMs` until `isDone(data)` says the thing reached a final
 * state, and not at all while the tab is hidden (focus refetches and the interval resumes when it shows again).
 * Use it with `refetchIntervalInBackground: false` (the app's default).
 */
export function pollUntil<TData>(isDone: (data: TData) => boolean, intervalMs: number = DEFAULT_POLL_MS) {
  return (query: { state: { data: TData | undefined } }): number | false => {
    if (tabHidden()) return false;
    const data = query.state.data;
    if (data !== undefined && isDone(data)) return false;
    return intervalMs;
  };
}
