import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderOnEmulator } from '../../../test/renderApp';
import { startEmulatorProcess, type InProcessEmulator } from '../../../test/emulator';
import { draftKey, rulesDraftKey } from '../model/draft';

let emulator: InProcessEmulator;

const advance = (ms: number) => emulator.control('/clock/advance', { ms });
const render = (path: string) => renderOnEmulator(path, emulator);
const statusOf = async (id: string) =>
  (await emulator.call<{ results: Array<{ status: string }> }>('POST', '/jobs/batch-status', { jobs: [id] }))
    .results[0]!.status;

/** A synchronization task in CONFIGURATION (saved endpoints), added through the control API. */
const syncTaskAtProcessing = (name: string) =>
  emulator.addTask({ name, db_use_type: 'sync', engine_type: 'mysql' });

beforeAll(async () => {
  emulator = await startEmulatorProcess({ tasks: 3 });
});
afterAll(() => emulator.close());
beforeEach(() => sessionStorage.clear());

describe('creation wizard against the emulator', () => {
  it('refuses Create with the reasons at the fields, and sends nothing', async () => {
    const user = userEvent.setup();
    const app = await render('/create');
    await user.type(await screen.findByLabelText(/Task name/, {}, { timeout: 10_000 }), '1bad');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('The name must start with a letter.')).toBeTruthy();
    expect(screen.getByText(/Enter the subnet's network ID/)).toBeTruthy();
    expect(screen.getAllByText('Required.').length).toBeGreaterThanOrEqual(2); // region, instance
    expect(app.pathname()).toBe('/create');
    app.unmount();
  });

  it('MySQL migration end to end: create, wrong password explained, test both, objects, pre-check, start', async () => {
    const user = userEvent.setup();
    const app = await render('/create');
    await user.type(await screen.findByLabelText(/Task name/, {}, { timeout: 10_000 }), 'wizard-e2e-1');
    await user.type(screen.getByLabelText(/DRS subnet ID/), '352ad828-3467-4f03-987a-c55a5a9dd417');
    await user.type(screen.getByLabelText('Cloud instance region'), 'eu-de');
    await user.type(screen.getByLabelText(/Cloud DB instance ID/), 'e05a3679efe241d8b5dee80b17c1a863in01');
    // input survives in session storage
    expect(sessionStorage.getItem(draftKey(undefined))).toContain('wizard-e2e-1');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    await waitFor(() => expect(app.pathname()).toMatch(/^\/create\/[^/]+\/connections$/));
    const id = decodeURIComponent(app.pathname()!.split('/')[2]!);
    expect(await screen.findByTestId('creating')).toBeTruthy();
    await advance(6_000);
    const source = await screen.findByTestId('conn-so', {}, { timeout: 5_000 });
    expect(await statusOf(id)).toBe('CONFIGURATION');

    // a wrong password: the code, its meaning and the fix
    await user.type(within(source).getByLabelText(/Host or IP address/), '10.0.0.5');
    await user.type(within(source).getByLabelText(/^User/), 'root');
    await user.type(within(source).getByLabelText(/^Password/), 'wrong');
    await user.click(within(source).getByRole('button', { name: /Test Source database connection/ }));
    const failure = await screen.findByTestId('conn-so-failure');
    expect(within(failure).getByText('DRS.KE002')).toBeTruthy();
    expect(within(failure).getByText(/Meaning/)).toBeTruthy();
    expect(within(failure).getByText(/What to do/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save connections and continue' })).toHaveProperty(
      'disabled',
      true,
    );

    await user.clear(within(source).getByLabelText(/^Password/));
    await user.type(within(source).getByLabelText(/^Password/), 'Secret-123');
    await user.click(within(source).getByRole('button', { name: /Test Source database connection/ }));
    expect(await within(source).findByText('Connection succeeded')).toBeTruthy();
    // the password never lands in session storage
    expect(sessionStorage.getItem(draftKey(id)) ?? '').not.toContain('Secret-123');

    const target = screen.getByTestId('conn-ta');
    await user.type(within(target).getByLabelText(/Host or IP address/), '192.168.0.9');
    await user.type(within(target).getByLabelText(/^User/), 'root');
    await user.type(within(target).getByLabelText(/^Password/), 'Secret-456');
    await user.click(within(target).getByRole('button', { name: /Test Destination database connection/ }));
    expect(await within(target).findByText('Connection succeeded')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save connections and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/objects`));

    // objects: paste lines, partial selection counted
    await user.click(screen.getByRole('radio', { name: 'Chosen databases and tables' }));
    await user.type(
      screen.getByLabelText(/Add databases and tables/),
      'shop{enter}sales.orders{enter}sales.items',
    );
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByTestId('objects-count').textContent).toContain('2 database(s), 2 table(s)');
    expect(screen.getByText('partial: 2 of 2 tables')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));

    // migrated users (4.2.2 → 4.2.1): choose which source accounts to migrate
    const usersForm = await screen.findByTestId('migration-users');
    await user.click(within(usersForm).getByRole('switch', { name: /Migrate the source's users and roles/ }));
    const boxes = within(usersForm).getAllByRole('checkbox', { name: /^Migrate '/ });
    expect(boxes.length).toBeGreaterThan(1);
    const firstAccount = boxes[0]!.getAttribute('aria-label')!.replace(/^Migrate /, '');
    if ((boxes[0] as HTMLInputElement).checked) await user.click(boxes[0]!);
    await user.click(within(usersForm).getByRole('button', { name: 'Save user settings' }));
    expect(await within(usersForm).findByText('The user migration settings are saved.')).toBeTruthy();
    const stored = await emulator.call<{ user_list: Array<{ account: string; selected: boolean }> }>(
      'GET',
      `/jobs/${id}/get-src-user`,
    );
    expect(stored.user_list.find((u) => u.account === firstAccount)?.selected).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // parameters (4.1.9): differences highlighted; apply one source value to the destination (4.1.10)
    const table = await screen.findByTestId('params-table');
    const differing = table.querySelectorAll('tr[data-differs="true"]');
    expect(differing.length).toBeGreaterThan(0);
    const firstBox = within(differing[0] as HTMLElement).getByRole('checkbox');
    await user.click(firstBox);
    await user.click(screen.getByRole('button', { name: /Apply source values to the destination \(1\)/ }));
    expect(await screen.findByText(/1 parameter\(s\) applied/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/precheck`));

    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toHaveProperty('disabled', true);
    await advance(7_000);
    await waitFor(() => expect(next).toHaveProperty('disabled', false), { timeout: 8_000 });
    await user.click(next);

    // confirm: summary without passwords, request bodies, start
    const summary = await screen.findByTestId('wizard-summary');
    expect(summary.textContent).toContain('wizard-e2e-1');
    expect(summary.textContent).not.toContain('Secret-123');
    expect(screen.getByTestId('body-modify').textContent).not.toContain('Secret-456');
    await user.click(screen.getByRole('button', { name: 'Start task' }));
    expect(await screen.findByTestId('started')).toBeTruthy();
    expect(['STARTJOBING', 'WAITING_FOR_START', 'FULL_TRANSFER_STARTED']).toContain(await statusOf(id));
    expect(sessionStorage.getItem(draftKey(id))).toBeNull();
    app.unmount();
  }, 120_000);

  it('resumes a half-configured task at the step it reached', async () => {
    const id = await emulator.addTask({ name: 'resume-me', db_use_type: 'migration' });
    const app = await render(`/create/${id}`);
    // the emulator's CONFIGURATION tasks have saved endpoints (batch-detail): the next step is the objects
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/objects`));
    expect(await screen.findByText('Configure task resume-me')).toBeTruthy();
    // a step not reached yet (no pre-check passed) sends back to the furthest one
    await app.navigate(`/create/${id}/confirm`);
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/objects`));
    // the saved connections are shown as saved, without their passwords
    await app.navigate(`/create/${id}/connections`);
    const source = await screen.findByTestId('conn-so');
    expect(within(source).getByText('Saved')).toBeTruthy();
    expect((within(source).getByLabelText(/^Password/) as HTMLInputElement).value).toBe('');
    app.unmount();
  });

  it('synchronization: the processing step saves the sync policy (4.3.2)', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'sync-policy', db_use_type: 'sync', engine_type: 'mysql' });
    const app = await render(`/create/${id}/objects`);
    await user.click(await screen.findByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));
    const form = await screen.findByTestId('sync-policy');
    await user.click(within(form).getByRole('switch', { name: 'Synchronize DDL in the incremental phase' }));
    await user.click(within(form).getByRole('button', { name: 'Save policy' }));
    expect(await within(form).findByText('The synchronization policy is saved.')).toBeTruthy();
    const detail = await emulator.call<{
      results: Array<{ conflict_policy?: string; filter_ddl_policy?: string }>;
    }>('POST', '/jobs/batch-detail', { jobs: [id] });
    expect(detail.results[0]!.conflict_policy).toBe('ignore');
    expect(detail.results[0]!.filter_ddl_policy).toBe('drop_database');
    app.unmount();
  });
  it('synchronization: row filters (4.3.1) are checked, saved, and a refused rule shows the reason', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'sync-filters', db_use_type: 'sync', engine_type: 'mysql' });
    const app = await render(`/create/${id}/objects`);
    await user.click(await screen.findByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));
    const form = await screen.findByTestId('filter-rules');
    const save = within(form).getByRole('button', { name: 'Save row filters' });
    const detailRules = async () =>
      (
        await emulator.call<{
          results: Array<{
            data_transformation?: { filter_conditions?: Array<{ transformation_info: { value: string } }> };
          }>;
        }>('POST', '/jobs/batch-detail', { jobs: [id] })
      ).results[0]!.data_transformation?.filter_conditions ?? [];

    // invalid: empty fields and a duplicate table are refused at the fields, nothing is sent
    await user.click(save);
    expect(within(form).getAllByText('Required.').length).toBe(3);
    const rule0 = within(form).getByTestId('filter-rule-0');
    await user.type(within(rule0).getByLabelText('Database'), 'shop');
    await user.type(within(rule0).getByLabelText('Table'), 'orders');
    await user.type(within(rule0).getByLabelText(/WHERE condition/), 'id > 5');
    await user.click(within(form).getByRole('button', { name: 'Add a rule' }));
    const rule1 = within(form).getByTestId('filter-rule-1');
    await user.type(within(rule1).getByLabelText('Database'), 'shop');
    await user.type(within(rule1).getByLabelText('Table'), 'orders');
    await user.type(within(rule1).getByLabelText(/WHERE condition/), 'id < 3');
    await user.click(save);
    expect(within(form).getByText(/This table already has a rule/)).toBeTruthy();
    expect(await detailRules()).toHaveLength(0);

    // refused by DRS (two statements): code and meaning shown, the input kept
    await user.clear(within(rule1).getByLabelText('Table'));
    await user.type(within(rule1).getByLabelText('Table'), 'items');
    await user.clear(within(rule1).getByLabelText(/WHERE condition/));
    await user.type(within(rule1).getByLabelText(/WHERE condition/), 'id < 3; drop table items');
    await user.click(save);
    const refused = await within(form).findByTestId('filter-failure');
    expect(within(refused).getByText('DRS.M00202')).toBeTruthy();
    expect(refused.textContent).toContain('value');
    expect((within(rule1).getByLabelText(/WHERE condition/) as HTMLInputElement).value).toBe(
      'id < 3; drop table items',
    );

    // fixed: both rules saved
    await user.clear(within(rule1).getByLabelText(/WHERE condition/));
    await user.type(within(rule1).getByLabelText(/WHERE condition/), 'price >= 10');
    await user.click(save);
    expect(await within(form).findByText('2 row filters are saved.')).toBeTruthy();
    // one rule per table: the re-sent rule for shop.orders replaced the earlier one
    const stored = (await detailRules()).map((c) => c.transformation_info.value).sort();
    expect(stored).toEqual(['id > 5', 'price >= 10']);

    // leaving the step and coming back shows the saved rules
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/parameters`));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByTestId('filter-rules');
    await waitFor(() => expect(within(again).getByDisplayValue('price >= 10')).toBeTruthy());
    expect(within(again).getByDisplayValue('items')).toBeTruthy();
    app.unmount();
  });

  it('synchronization: configuration rules (4.3.1) checked at the fields, saved, shown again; a refusal explained, input kept', async () => {
    const user = userEvent.setup();
    const id = await syncTaskAtProcessing('sync-config-rules');
    const app = await render(`/create/${id}/objects`);
    await user.click(await screen.findByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));
    const form = await screen.findByTestId('config-rules');
    const save = within(form).getByRole('button', { name: 'Save configuration rules' });
    const stored = async () =>
      (
        await emulator.call<{
          results: Array<{
            data_transformation?: {
              filter_conditions?: Array<{
                transformation_info: { transformation_type: string; value: string };
                config_transformation?: Record<string, string>;
              }>;
            };
          }>;
        }>('POST', '/jobs/batch-detail', { jobs: [id] })
      ).results[0]!.data_transformation?.filter_conditions ?? [];

    // every field of table 4-269 is mandatory; names are letters/digits/underscores: refused at the fields
    await user.click(save);
    expect(within(form).getAllByText('Required.')).toHaveLength(6);
    const rule0 = within(form).getByTestId('config-rule-0');
    const field = (label: string | RegExp) => within(rule0).getByLabelText(label) as HTMLInputElement;
    await user.type(field('Database'), 'my-shop');
    await user.type(field('Table'), 'customers');
    await user.type(field('Columns'), 'id,name');
    await user.type(field('Primary key or unique index'), 'id');
    await user.type(field('Index to optimize'), 'name');
    // refused by DRS (two statements in the criteria) once the field rules are met
    await user.type(field('Filtering criteria'), "name like '%a%'; drop table x");
    await user.click(save);
    expect(within(rule0).getByText('Use only letters, digits and underscores.')).toBeTruthy();
    expect(await stored()).toHaveLength(0);
    await user.clear(field('Database'));
    await user.type(field('Database'), 'shop');
    await user.click(save);
    const refused = await within(rule0).findByTestId('config-failure');
    expect(within(refused).getByText('DRS.M00202')).toBeTruthy();
    expect(refused.textContent).toContain('values');
    expect(field('Filtering criteria').value).toBe("name like '%a%'; drop table x");
    expect(field('Columns').value).toBe('id,name');
    expect(await stored()).toHaveLength(0);

    // fixed and saved: the detail holds the rule as the reference shows it
    await user.clear(field('Filtering criteria'));
    await user.type(field('Filtering criteria'), "name like '%a%'");
    await user.click(save);
    expect(await within(form).findByText('1 configuration rule is saved.')).toBeTruthy();
    expect(within(form).queryByTestId('config-failure')).toBeNull();
    const [rule] = await stored();
    expect(rule!.transformation_info).toEqual({
      transformation_type: 'configConditionalFilter',
      value: 'config',
    });
    expect(rule!.config_transformation).toEqual({
      db_table_name: 'shop.customers',
      db_name: 'shop',
      table_name: 'customers',
      col_names: 'id,name',
      prim_key_or_index: 'id',
      indexes: 'name',
      values: "name like '%a%'",
    });

    // saved: leaving asks nothing; coming back re-reads the rule from the detail
    const confirm = vi.spyOn(window, 'confirm');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/parameters`));
    expect(confirm).not.toHaveBeenCalled();
    confirm.mockRestore();
    app.unmount();
    // a fresh wizard (resume): the rule is read from batch-detail
    const again = await render(`/create/${id}/processing`);
    const form2 = await screen.findByTestId('config-rules', {}, { timeout: 5_000 });
    expect(within(form2).getByDisplayValue("name like '%a%'")).toBeTruthy();
    expect(within(form2).getByDisplayValue('customers')).toBeTruthy();
    expect(within(form2).getByDisplayValue('id,name')).toBeTruthy();
    // the confirm step lists the saved rules as the request that set them
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(again.pathname()).toBe(`/create/${id}/parameters`));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(again.pathname()).toBe(`/create/${id}/precheck`));
    const next = screen.getByRole('button', { name: 'Next' });
    await advance(7_000);
    await waitFor(() => expect(next).toHaveProperty('disabled', false), { timeout: 8_000 });
    await user.click(next);
    const body = await screen.findByTestId('body-transformation', {}, { timeout: 5_000 });
    expect(JSON.parse(body.textContent!)).toEqual({
      jobs: [
        {
          job_id: id,
          transformation_info: { transformation_type: 'configConditionalFilter', value: 'config' },
          config_transformation: rule!.config_transformation,
        },
      ],
    });
    again.unmount();
  }, 60_000);

  it('unsaved rule edits: leaving the step or the page asks first; the edits survive a reload', async () => {
    const user = userEvent.setup();
    const id = await syncTaskAtProcessing('sync-leave-guard');
    const app = await render(`/create/${id}/objects`);
    await user.click(await screen.findByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    try {
      // untouched forms: no question
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/parameters`));
      expect(confirm).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'Back' }));
      await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));

      const config = await screen.findByTestId('config-rules');
      await user.type(within(config).getByLabelText('Columns'), 'id,name');
      const filters = screen.getByTestId('filter-rules');
      await user.type(within(filters).getByLabelText(/WHERE condition/), 'id > 5');

      // leaving the step: asked, refused → still there with the input
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(confirm).toHaveBeenLastCalledWith(
        'The row filters or configuration rules have unsaved changes. Leave this step anyway?',
      );
      expect(app.pathname()).toBe(`/create/${id}/processing`);
      // the stepper too
      await user.click(screen.getByRole('button', { name: /Source and destination/ }));
      expect(confirm).toHaveBeenCalledTimes(2);
      expect(app.pathname()).toBe(`/create/${id}/processing`);
      // leaving the page by a link: asked, refused
      await user.click(screen.getAllByRole('link', { name: /^Tasks$/ })[0]!);
      expect(confirm).toHaveBeenLastCalledWith('You have unsaved input in the wizard. Leave anyway?');
      expect(app.pathname()).toBe(`/create/${id}/processing`);
      expect((within(config).getByLabelText('Columns') as HTMLInputElement).value).toBe('id,name');

      // a reload keeps the unsaved edits (session storage)
      expect(sessionStorage.getItem(rulesDraftKey(id, 'config'))).toContain('id,name');
      app.unmount();
      const reloaded = await render(`/create/${id}/processing`);
      const config2 = await screen.findByTestId('config-rules', {}, { timeout: 5_000 });
      expect((within(config2).getByLabelText('Columns') as HTMLInputElement).value).toBe('id,name');
      expect(within(screen.getByTestId('filter-rules')).getByDisplayValue('id > 5')).toBeTruthy();

      // leaving the step, confirmed: the edits are dropped
      confirm.mockReturnValue(true);
      const before = confirm.mock.calls.length;
      await user.click(screen.getByRole('button', { name: 'Back' }));
      await waitFor(() => expect(reloaded.pathname()).toBe(`/create/${id}/objects`));
      expect(confirm.mock.calls.length).toBe(before + 1);
      expect(sessionStorage.getItem(rulesDraftKey(id, 'config'))).toBeNull();
      expect(sessionStorage.getItem(rulesDraftKey(id, 'filters'))).toBeNull();
      reloaded.unmount();
    } finally {
      confirm.mockRestore();
    }
  }, 30_000);

  it('confirm step: a scheduled start leaves the task WAITING_FOR_START', async () => {
    const user = userEvent.setup();
    const id = await emulator.addTask({ name: 'sync-scheduled', db_use_type: 'sync', engine_type: 'mysql' });
    const app = await render(`/create/${id}/objects`);
    await user.click(await screen.findByRole('button', { name: 'Save objects and continue' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/processing`));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/parameters`));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/precheck`));
    const next = screen.getByRole('button', { name: 'Next' });
    await advance(7_000);
    await waitFor(() => expect(next).toHaveProperty('disabled', false), { timeout: 8_000 });
    await user.click(next);
    await waitFor(() => expect(app.pathname()).toBe(`/create/${id}/confirm`));

    await user.click(await screen.findByText('At a chosen time'));
    const at = screen.getByLabelText('Start at');
    // a past time is refused at the field, nothing is sent
    fireEvent.change(at, { target: { value: '2020-01-01T10:00' } });
    await user.click(screen.getByRole('button', { name: 'Schedule start' }));
    expect(await screen.findByText('Choose a time in the future.')).toBeTruthy();
    expect(await statusOf(id)).toBe('CONFIGURATION');

    const future = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${future.getFullYear()}-${pad(future.getMonth() + 1)}-${pad(future.getDate())}T${pad(future.getHours())}:${pad(future.getMinutes())}`;
    fireEvent.change(at, { target: { value: local } });
    expect(screen.getByTestId('body-start').textContent).toContain('start_time');
    await user.click(screen.getByRole('button', { name: 'Schedule start' }));
    expect(await screen.findByText('The task will start at the chosen time.')).toBeTruthy();
    expect(await statusOf(id)).toBe('WAITING_FOR_START');
    await advance(60_000);
    expect(await statusOf(id)).toBe('WAITING_FOR_START');
    app.unmount();
  }, 60_000);
});
