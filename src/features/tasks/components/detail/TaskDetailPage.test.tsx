import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { renderOnEmulator } from '../../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../../test/emulator';
import en from '../../locales/en-us.json';
import zh from '../../locales/zh-cn.json';
import zhShared from '../../../../locales/zh-cn.json';
import { i18n, setLanguage } from '../../../../lib/i18n';
import type { JobDetailsResponse } from '../../api';

// a real emulator process and the whole app on a shared 2-core machine: allow more than the default 1 s
configure({ asyncUtilTimeout: 10_000 });

let emulator: InProcessEmulator;

const detailOf = async (id: string) =>
  (await emulator.call<JobDetailsResponse>('POST', '/jobs/batch-detail', { jobs: [id] })).results![0]!;

const open = (path: string) => renderOnEmulator(path, emulator);

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(() => emulator.close());

describe('TaskDetailPage against the emulator', () => {
  it('shows the overview from batch-detail, the live status, and never a password', async () => {
    const id = await emulator.addTask({
      name: 'detail-overview',
      status: 'INCRE_TRANSFER_STARTED',
      description: 'nightly orders copy',
      tags: [{ key: 'team', value: 'dba' }],
      source_endpoint: {
        db_type: 'mysql',
        ip: '10.1.2.3',
        db_port: 3306,
        db_user: 'repl',
        db_password: 'S3cret!pw',
      },
    });
    await open(`/tasks/${id}`);
    expect((await screen.findByTestId('task-name')).textContent).toBe('detail-overview');
    const badge = screen.getByTestId('task-status').querySelector('[data-status]')!;
    expect(badge.getAttribute('data-status')).toBe('INCRE_TRANSFER_STARTED');
    expect(screen.getByTestId('endpoint-source-host').textContent).toBe('10.1.2.3');
    expect(screen.getByTestId('endpoint-source-user').textContent).toBe('repl');
    expect(screen.getByTestId('overview-description').textContent).toBe('nightly orders copy');
    expect(screen.getByTestId('overview-tags').textContent).toContain('team=dba');
    expect(screen.getByTestId('overview-mode').textContent).toBe('Full + incremental');
    expect(document.body.textContent).not.toContain('S3cret!pw');
    // job_action from the list entry drives the action bar: a running task can pause, not start
    await waitFor(() =>
      expect(
        screen
          .getByTestId('task-action-bar')
          .querySelector('[data-action="pause"]')!
          .hasAttribute('disabled'),
      ).toBe(false),
    );
    expect(
      screen.getByTestId('task-action-bar').querySelector('[data-action="start"]')!.hasAttribute('disabled'),
    ).toBe(true);
    expect(within(screen.getByTestId('task-links')).getByText(en.taskDetail.links.comparisons)).toBeTruthy();
  });

  it('virtualizes 5,000 objects of progress_map and searches them (search kept in the URL)', async () => {
    // jsdom has no layout: give elements a size so the virtualizer has a viewport to fill (480 px ≈ 13 rows)
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    onTestFinished(() => {
      height.mockRestore();
      width.mockRestore();
    });
    const user = userEvent.setup();
    const id = await emulator.addTask({
      name: 'detail-objects',
      status: 'FULL_TRANSFER_STARTED',
      progress_objects: 5000,
    });
    const app = await open(`/tasks/${id}?tab=progress`);
    const list = await screen.findByTestId('object-progress');
    expect(within(list).getByRole('heading').textContent).toMatch(/of 5,000 complete/);
    const rows = within(list).getAllByTestId('object-row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByTestId('progress-phases').textContent).toContain('Structure');
    await user.type(screen.getByLabelText(en.taskDetail.progress.search), 'table_04999');
    await waitFor(() =>
      expect(screen.getAllByTestId('object-row').map((r) => r.dataset.object)).toEqual(['db_49.table_04999']),
    );
    expect(screen.getByTestId('object-count').textContent).toBe('Objects shown: 1');
    await waitFor(() => expect(app.search()).toBe('?tab=progress&q=table_04999'));
  });

  it('refuses invalid settings with the rule, saves valid ones, and keeps the form after a DRS failure', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'detail-settings', status: 'INCRE_TRANSFER_STARTED' });
    await open(`/tasks/${id}?tab=settings`);
    const basics = await screen.findByTestId('settings-basics');
    const name = within(basics).getByTestId('basics-name');
    await user.clear(name);
    await user.type(name, '9bad name');
    await user.click(within(basics).getByRole('button', { name: en.taskDetail.settings.save }));
    expect(await within(basics).findByText(en.taskDetail.validation.name)).toBeTruthy();
    expect((await detailOf(id)).name).toBe('detail-settings');

    await user.clear(name);
    await user.type(name, 'detail-renamed');
    await user.type(within(basics).getByTestId('basics-description'), 'moved by the console');
    await user.click(within(basics).getByRole('button', { name: en.taskDetail.settings.save }));
    expect(await within(basics).findByTestId('settings-basics-saved')).toBeTruthy();
    const saved = await detailOf(id);
    expect(saved.name).toBe('detail-renamed');
    expect((saved as { description?: string }).description).toBe('moved by the console');

    const alarm = screen.getByTestId('settings-alarm');
    await user.type(within(alarm).getByTestId('alarm-delay'), '4000');
    await user.click(within(alarm).getByRole('button', { name: en.taskDetail.settings.save }));
    expect(await within(alarm).findByText(en.taskDetail.validation.threshold)).toBeTruthy();
    await user.clear(within(alarm).getByTestId('alarm-delay'));
    await user.type(within(alarm).getByTestId('alarm-delay'), '120');
    await user.type(within(alarm).getByTestId('alarm-email'), 'dba@example.com, ops@example.com');
    await user.click(within(alarm).getByRole('button', { name: en.taskDetail.settings.save }));
    expect(await within(alarm).findByTestId('settings-alarm-saved')).toBeTruthy();
    const notify = (await detailOf(id)).alarm_notify!;
    expect(notify.delay_time).toBe(120);
    expect(notify.subscriptions).toEqual([
      { protocol: 'email', endpoints: ['dba@example.com', 'ops@example.com'] },
    ]);

    // the emulator answers DRS.KE002 for the password "wrong": the error is explained and the value stays
    const password = screen.getByTestId('settings-password');
    const input = within(password).getByLabelText(new RegExp(en.taskDetail.settings.password.new));
    await user.type(input, 'wrong');
    await user.click(within(password).getByRole('button', { name: en.taskDetail.settings.save }));
    expect((await within(password).findByTestId('drs-error-code')).textContent).toBe('DRS.KE002');
    expect(within(password).getByTestId('drs-error-meaning').textContent).not.toBe('');
    expect((input as HTMLInputElement).value).toBe('wrong');
  });

  it('MySQL migration in configuration: chooses the users to migrate (4.2.2 read, 4.2.1 save)', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'detail-users', status: 'CONFIGURATION' });
    await open(`/tasks/${id}?tab=settings`);
    const section = await screen.findByTestId('settings-users');
    await user.click(within(section).getByTestId('users-migrate'));
    const accounts = within(section).getAllByTestId('users-user');
    expect(accounts.map((a) => a.closest('.mantine-Checkbox-root')?.textContent ?? '')).toHaveLength(4);
    // root is not transferable: disabled; backup is not selected yet
    const root = within(section).getByLabelText("'root'@'%'");
    expect((root as HTMLInputElement).disabled).toBe(true);
    await user.click(within(section).getByLabelText("'backup'@'localhost'"));
    await user.click(within(section).getByRole('button', { name: en.taskDetail.settings.save }));
    expect(await within(section).findByTestId('settings-users-saved')).toBeTruthy();
    const stored = await emulator.call<{ user_list: Array<{ account: string; selected: boolean }> }>(
      'GET',
      `/jobs/${id}/get-src-user`,
    );
    expect(stored.user_list.filter((u) => u.selected).map((u) => u.account)).toEqual([
      "'app_rw'@'%'",
      "'report_ro'@'10.%'",
      "'backup'@'localhost'",
    ]);
    expect((await detailOf(id)).migrate_user).toBe(true);
  });

  it('shows a DR parent task with its two subtasks and a link to DR monitoring', async () => {
    const id = await emulator.addTask({
      name: 'detail-dr-dual',
      db_use_type: 'cloudDataGuard',
      multi_write: true,
      status: 'INCRE_TRANSFER_STARTED',
    });
    const expected = (await detailOf(id)).children!;
    expect(expected).toHaveLength(2);
    await open(`/tasks/${id}`);
    const section = await screen.findByTestId('dr-children');
    const rows = within(section).getAllByTestId('dr-child');
    expect(rows.map((r) => r.dataset.jobId)).toEqual(expected.map((c) => c.id));
    expect(rows[0]!.textContent).toContain('detail-dr-dual-forward');
    expect(
      within(screen.getByTestId('task-links')).getByText(en.taskDetail.links.dr).getAttribute('href'),
    ).toBe(`/dr/${id}`);
  });

  it('a failed task shows why it failed; a deleted one says it is gone', async () => {
    const failed = await emulator.addTask({ name: 'detail-failed', status: 'FULL_TRANSFER_FAILED' });
    const view = await open(`/tasks/${failed}`);
    const reason = await screen.findByTestId('task-failed-reason');
    expect(reason.textContent).toContain('DRS.M00004');
    expect(
      screen.getByTestId('task-status').querySelector('[data-status]')!.getAttribute('data-status'),
    ).toBe('FULL_TRANSFER_FAILED');
    view.unmount();

    const done = await emulator.addTask({ name: 'detail-deleted', status: 'RELEASE_RESOURCE_COMPLETE' });
    await emulator.call('DELETE', '/jobs/batch-jobs', { jobs: [{ job_id: done, delete_type: 'delete' }] });
    await open(`/tasks/${done}`);
    expect((await screen.findByTestId('task-missing')).textContent).toContain('DRS.M05004');
  });

  it('a name the service refuses (DRS.M00277, already used) is explained and the form keeps what was typed', async () => {
    const user = userEvent.setup();
    await emulator.addTask({ name: 'detail-taken', status: 'INCRE_TRANSFER_STARTED' });
    const id = await emulator.addTask({ name: 'detail-renaming', status: 'INCRE_TRANSFER_STARTED' });
    await open(`/tasks/${id}?tab=settings`);
    const basics = await screen.findByTestId('settings-basics');
    const name = within(basics).getByTestId('basics-name');
    await user.clear(name);
    await user.type(name, 'detail-taken');
    await user.type(within(basics).getByTestId('basics-description'), 'kept after the failure');
    await user.click(within(basics).getByRole('button', { name: en.taskDetail.settings.save }));
    expect((await within(basics).findByTestId('drs-error-code')).textContent).toBe('DRS.M00277');
    expect(within(basics).getByTestId('drs-error-meaning').textContent).not.toBe('');
    expect((name as HTMLInputElement).value).toBe('detail-taken');
    expect((within(basics).getByTestId('basics-description') as HTMLTextAreaElement).value).toBe(
      'kept after the failure',
    );
    expect((await detailOf(id)).name).toBe('detail-renaming');
  });

  it('speaks Chinese too: tabs, labels and the status in zh-cn', async () => {
    const id = await emulator.addTask({ name: 'detail-zh', status: 'INCRE_TRANSFER_STARTED' });
    await open(`/tasks/${id}`);
    await screen.findByTestId('task-name');
    await act(() => setLanguage('zh-cn', i18n));
    expect(await screen.findByRole('tab', { name: zh.taskDetail.tab.overview })).toBeTruthy();
    expect(screen.getByText(zh.taskDetail.overview.scenario)).toBeTruthy();
    expect(screen.getByTestId('task-status').textContent).toBe(zhShared.status.INCRE_TRANSFER_STARTED);
    await act(() => setLanguage('en-us', i18n));
  });

  it('says plainly when the task does not exist', async () => {
    await open('/tasks/00000000-0000-0000-0000-000000000jb101');
    expect((await screen.findByTestId('task-missing')).textContent).toContain('DRS.M00289');
  });

  it('a failing service shows the DRS error with its meaning and a retry that recovers', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'detail-fault', status: 'INCRE_TRANSFER_STARTED' });
    // queries retry twice on 5xx: three failures reach the page
    await emulator.control('/faults', { path: '*/jobs/batch-detail', status5xxRate: 1, count: 3 });
    await open(`/tasks/${id}`);
    const alert = await screen.findByTestId('drs-error', {}, { timeout: 20_000 });
    expect(within(alert).getByTestId('drs-error-code').textContent).toBe('DRS.M00004');
    expect(within(alert).getByTestId('drs-error-meaning').textContent).not.toBe('');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect((await screen.findByTestId('task-name')).textContent).toBe('detail-fault');
  });
});
