import {
  MantineProvider,
  createTheme,
  localStorageColorSchemeManager,
  type CSSVariablesResolver,
} from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { createQueryClient } from '../lib/api/query';
import { isDrsApiError } from '../lib/api/errors';
import { i18n as appI18n, currentLanguage } from '../lib/i18n';
import focus from './focus.module.css';
import { notify } from '../lib/notify';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Links and filled primary elements in shade 7 on light backgrounds: 4.5:1 against white.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  // keyboard focus (:focus-visible only, like focusRing 'auto') in a colour readable in both schemes
  focusClassName: focus.ring,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
});

/** Dimmed text dark enough for WCAG AA contrast (4.5:1) on the page and on striped table rows, in both schemes. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // the focus ring (focus.module.css): indigo-7, 5.3:1 on white
    '--drs-focus-ring': 'var(--mantine-primary-color-filled)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors and other error text: Mantine's red-6 is 3.9:1 on white; red-9 reaches 5.4:1 (AA).
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Red buttons (destructive actions) and red text: Mantine's shade 7 is 3.8:1 on white; shade 9 is 5.4:1.
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': 'color-mix(in srgb, var(--mantine-color-red-9), black 12%)',
    '--mantine-color-red-outline': 'var(--mantine-color-red-9)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    // Text of the "light" variant (badges, alerts, light buttons): shade 9 of green, orange, yellow… is too pale on
    // its tinted background; darken it so every colour reaches 4.5:1.
    ...Object.fromEntries(
      Object.keys(t.colors).map((name) => [
        `--mantine-color-${name}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${name}-9), black 30%)`,
      ]),
    ),
  },
  dark: {
    // the focus ring: indigo-3, 6.7:1 on the dark body (the filled indigo-8 is 2.7:1)
    '--drs-focus-ring': 'var(--mantine-color-indigo-3)',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    // Mantine's dark-scheme error red (red-8) is too dark on the dark body; red-4 passes AA there.
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'drs-console.color-scheme' });

/**
 * The notifications container (and its transition code) loads right after the first render: nothing on the first
 * paint needs it, and notifications shown before it arrives are kept in the store and appear when it mounts.
 */
const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/** react-query devtools in development only: the dynamic import is dropped from production builds. */
const Devtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((m) => ({ default: m.ReactQueryDevtools })))
  : () => null;

/** One notification per failure episode of a background refresh (see createQueryClient), gone when it recovers. */
export function createAppQueryClient(i18n: I18n = appI18n): QueryClient {
  return createQueryClient({
    onBackgroundError(error, query) {
      const language = currentLanguage(i18n);
      const message = isDrsApiError(error)
        ? [error.code, error.explain(language).meaning || error.rawMessage].filter(Boolean).join(' — ')
        : error instanceof Error
          ? error.message
          : String(error);
      notify.show({
        id: `refresh-failed-${query.queryHash}`,
        color: 'red',
        title: i18n.t('error.backgroundRefresh'),
        message: i18n.t('error.backgroundRefreshBody', { message }),
        // Stays while the failure lasts; hidden when the query succeeds again.
        autoClose: false,
      });
    },
    onBackgroundRecovered(query) {
      notify.hide(`refresh-failed-${query.queryHash}`);
    },
  });
}

export interface AppProvidersProps {
  children: ReactNode;
  queryClient?: QueryClient;
  i18n?: I18n;
  /** Tests force a scheme; the app defaults to "auto" (follows the system) and remembers the choice. */
  forceColorScheme?: 'light' | 'dark';
}

export function AppProviders({ children, queryClient, i18n = appI18n, forceColorScheme }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createAppQueryClient(i18n));
  // The service writes its messages in the X-Language of the request: refresh what is shown in the new language.
  useEffect(() => {
    const refresh = () => void client.invalidateQueries();
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [client, i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        defaultColorScheme="auto"
        colorSchemeManager={colorSchemeManager}
        cssVariablesResolver={cssVariablesResolver}
        {...(forceColorScheme ? { forceColorScheme } : {})}
      >
        <Suspense fallback={null}>
          <Notifications position="top-right" limit={4} />
        </Suspense>
        <QueryClientProvider client={client}>
          {children}
          <Suspense fallback={null}>
            <Devtools buttonPosition="bottom-left" />
          </Suspense>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
