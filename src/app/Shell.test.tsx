import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startTestServer, type TestServer } from '../test/httpServer';
import { renderApp } from '../test/renderApp';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((req, res) => {
    if (req.url === '/api/_console/config')
      return sendJson(res, 200, { mode: 'emulator', projectId: 'p-test' });
    // The task list answers with a DRS error: the page must show it readably (the happy path runs in e2e).
    if (req.url === '/api/jobs')
      return sendJson(res, 400, { error_code: 'DRS.M00202', error_msg: 'cur_page invalid' });
    sendJson(res, 404, { error_code: 'DRS.M00007', error_msg: 'no route' });
  });
});
afterAll(() => server.close());

describe('app shell', () => {
  it('redirects / to the task list, shows the mode badge and the navigation', async () => {
    const app = await renderApp('/', `${server.url}/api`);
    expect(await screen.findByRole('heading', { level: 2, name: 'Tasks' })).toBeTruthy();
    expect(app.pathname()).toBe('/tasks');
    await waitFor(() => expect(screen.getByTestId('mode-badge').textContent).toBe('Emulator'));
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Tasks', 'Create task', 'Comparisons', 'DR monitoring']);
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe(
      '#main-content',
    );
  });

  it('shows a failing task list as a DRS error with its meaning, and the request carried X-Language', async () => {
    await renderApp('/tasks', `${server.url}/api`);
    const alert = await screen.findByTestId('drs-error');
    expect(within(alert).getByTestId('drs-error-code').textContent).toBe('DRS.M00202');
    expect(within(alert).getByTestId('drs-error-meaning').textContent).toContain(
      'The value of parameter %s is invalid.',
    );
    expect(within(alert).getByTestId('drs-error-raw').textContent).toContain('cur_page invalid');
    const listCall = server.requests.filter((r) => r.url === '/api/jobs').at(-1)!;
    expect(listCall.method).toBe('POST');
    expect(listCall.headers['x-language']).toBe('en-us');
    expect(JSON.parse(listCall.body)).toMatchObject({ db_use_type: 'migration', cur_page: 1, per_page: 20 });
  });

  it('navigates to each section and to the 404 page', async () => {
    const user = userEvent.setup();
    const app = await renderApp('/tasks', `${server.url}/api`);
    await screen.findByRole('heading', { level: 2, name: 'Tasks' });
    for (const [link, heading] of [
      ['Create task', 'Create task'],
      ['Comparisons', 'Comparisons'],
      ['DR monitoring', 'DR monitoring'],
    ] as const) {
      await user.click(screen.getByRole('link', { name: link }));
      expect(await screen.findByRole('heading', { level: 2, name: heading })).toBeTruthy();
    }
    await app.navigate('/no/such/page');
    expect(await screen.findByRole('heading', { level: 2, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByTestId('not-found').textContent).toContain('/no/such/page');
  });

  it('switches the language, remembers it, and sends it as X-Language', async () => {
    const user = userEvent.setup();
    await renderApp('/tasks', `${server.url}/api`);
    await screen.findByTestId('drs-error');
    await user.selectOptions(screen.getByLabelText('Language'), 'zh-cn');
    expect(await screen.findByRole('heading', { level: 2, name: '任务' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '灾备监控' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-cn');
    expect(document.documentElement.lang).toBe('zh-CN');
    await waitFor(() => expect(screen.getByTestId('mode-badge').textContent).toBe('模拟器'));
    // The error explanation follows the language.
    expect(screen.getByTestId('drs-error-meaning').textContent).toContain('参数 %s 的值无效。');
    // A refetch now asks the service for Chinese messages.
    await user.click(screen.getByRole('button', { name: '重试' }));
    await waitFor(() =>
      expect(server.requests.filter((r) => r.url === '/api/jobs').at(-1)!.headers['x-language']).toBe(
        'zh-cn',
      ),
    );
  });
});

describe('mode badge in cloud mode', () => {
  it('reads "Cloud · <project id>" and names the endpoint host', async () => {
    const cloud = await startTestServer((req, res) => {
      if (req.url === '/api/_console/config') {
        return sendJson(res, 200, {
          mode: 'cloud',
          projectId: '0549b4f8c280d5a42f5dc0069e7ddef0',
          endpointHost: 'drs.eu-de.otc.t-systems.com',
        });
      }
      sendJson(res, 200, { total_record: 0, jobs: [] });
    });
    try {
      await renderApp('/tasks', `${cloud.url}/api`);
      await waitFor(() =>
        expect(screen.getByTestId('mode-badge').textContent).toBe('Cloud · 0549b4f8c280d5a42f5dc0069e7ddef0'),
      );
      expect(screen.getByTestId('mode-badge').getAttribute('title')).toBe(
        'Connected to drs.eu-de.otc.t-systems.com',
      );
      expect(await screen.findByTestId('tasks-empty')).toBeTruthy();
    } finally {
      await cloud.close();
    }
  });
});
