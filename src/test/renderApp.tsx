import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders, createAppQueryClient } from '../app/providers';
import { routes } from '../app/routes';
import { createDrsClient, setDrsClient } from '../lib/api/client';
import { setConsoleConfigUrl } from '../lib/api/console-config';
import { i18n, setLanguage } from '../lib/i18n';

/**
 * Renders the whole app (real providers, real route table) at `path`, talking to `apiBase` (e.g. a test server's
 * http://127.0.0.1:port/api). The app's i18n instance is reset to English first.
 */
export async function renderApp(path: string, apiBase: string) {
  await setLanguage('en-us', i18n);
  window.localStorage.clear();
  setDrsClient(createDrsClient({ baseUrl: apiBase }));
  setConsoleConfigUrl(`${apiBase}/_console/config`);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createAppQueryClient(i18n);
  const view = render(
    <AppProviders i18n={i18n} queryClient={queryClient} forceColorScheme="light">
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}
