import { act, render } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import { AppProviders, createAppQueryClient } from '../app/providers';
import { AppRoutes } from '../app/routes';
import { createDrsClient, setDrsClient, type DrsClient } from '../lib/api/client';
import { setConsoleConfigUrl } from '../lib/api/console-config';
import { i18n, setLanguage } from '../lib/i18n';
import type { InProcessEmulator } from './emulator';

interface RouterHandle {
  navigate: NavigateFunction | undefined;
  location: Location | undefined;
}

function CaptureRouter({ onRender }: { onRender: (navigate: NavigateFunction, location: Location) => void }) {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => onRender(navigate, location), [navigate, location, onRender]);
  return null;
}

/**
 * Renders the whole app (real providers, real route table) at `path`, talking to `apiBase` (e.g. a test server's
 * http://127.0.0.1:port/api). The app's i18n instance is reset to English first.
 */
export async function renderApp(
  path: string,
  apiBase: string,
  options: { client?: DrsClient; configUrl?: string } = {},
) {
  await setLanguage('en-us', i18n);
  window.localStorage.clear();
  setDrsClient(options.client ?? createDrsClient({ baseUrl: apiBase }));
  setConsoleConfigUrl(options.configUrl ?? `${apiBase}/_console/config`);
  const handle: RouterHandle = { navigate: undefined, location: undefined };
  const queryClient = createAppQueryClient(i18n);
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient} forceColorScheme="light">
      <MemoryRouter initialEntries={[path]}>
        <CaptureRouter
          onRender={(navigate, location) => {
            handle.navigate = navigate;
            handle.location = location;
          }}
        />
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return {
    ...view,
    queryClient,
    pathname: () => handle.location?.pathname,
    search: () => handle.location?.search,
    navigate: async (to: string) => {
      await act(async () => {
        await handle.navigate!(to);
      });
    },
  };
}

/** `renderApp` against a test emulator process (`startEmulatorProcess`): its client, and no console config. */
export const renderOnEmulator = (path: string, emulator: Pick<InProcessEmulator, 'url' | 'client'>) =>
  renderApp(path, emulator.url, { client: emulator.client, configUrl: `${emulator.url}/none` });
