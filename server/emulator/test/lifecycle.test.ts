/**
 * One lifecycle per scenario, driven the way a Terraform-style client drives a task
 * (shared/reference/README.md "How real clients drive a task"), with the emulated clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrationJob, PROJECT, startEmulator, statusOf, type TestEmulator } from './helpers.ts';

let em: TestEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const MIN = 60_000;

async function create(e: TestEmulator, job: Record<string, unknown>) {
  const r = await e.call('POST', '/jobs/batch-creation', { jobs: [job] });
  expect(r.status).toBe(202);
  expect(r.body.results[0].status).toBe('CREATING');
  return r.body.results[0] as { id: string; child_ids?: string[] };
}

async function progress(e: TestEmulator, id: string) {
  const r = await e.call('POST', '/jobs/batch-progress', { jobs: [id] });
  expect(r.status).toBe(200);
  return r.body.results[0];
}

describe('migration lifecycle', () => {
  it('create → test connections → modify → precheck → start → full → incremental → stop → release → delete', async () => {
    em = await startEmulator();
    const { id } = await create(em, migrationJob('crm-prod-to-rds'));
    expect(await statusOf(em, id)).toBe('CREATING');
    em.advance(5_000);
    expect(await statusOf(em, id)).toBe('CONFIGURATION');

    const endpoint = {
      id,
      net_type: 'eip',
      db_type: 'mysql',
      ip: '203.0.113.7',
      db_port: 3306,
      db_user: 'root',
      db_password: 'Secret#1',
    };
    const conn = await em.call('POST', '/jobs/batch-connection', {
      jobs: [
        { ...endpoint, end_point_type: 'so' },
        { ...endpoint, end_point_type: 'ta', inst_id: 'e05a3679efe241d8b5dee80b17c1a863in01' },
      ],
    });
    expect(conn.body.count).toBe(2);
    expect(conn.body.results.every((x: { success: boolean }) => x.success)).toBe(true);

    const mod = await em.call('PUT', '/jobs/batch-modification', {
      jobs: [
        {
          job_id: id,
          store_db_info: true,
          is_recreate: false,
          replace_definer: true,
          source_endpoint: {
            db_type: 'mysql',
            ip: '203.0.113.7',
            db_port: 3306,
            db_user: 'root',
            db_password: 'Secret#1',
          },
          target_endpoint: {
            db_type: 'mysql',
            inst_id: 'e05a3679efe241d8b5dee80b17c1a863in01',
            db_user: 'root',
            db_password: 'Secret#1',
          },
        },
      ],
    });
    expect(mod.status).toBe(200);
    expect(mod.body.results[0]).toMatchObject({ id, status: 'success' });

    const pre = await em.call('POST', '/jobs/batch-precheck', {
      jobs: [{ job_id: id, precheck_mode: 'forStartJob' }],
    });
    expect(pre.status).toBeLessThan(300);
    em.advance(10 * MIN);
    const preRes = await em.call('POST', '/jobs/batch-precheck-result', { jobs: [id] });
    expect(preRes.status).toBe(200);
    expect(preRes.body.results[0].process).toBe('100%');
    expect(preRes.body.results[0].total_passed_rate).toBe('100%');

    const start = await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id }] });
    expect(start.status).toBe(202);
    expect(start.body.results[0]).toMatchObject({ id, status: 'success' });
    expect(await statusOf(em, id)).toBe('STARTJOBING');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('FULL_TRANSFER_STARTED');
    em.advance(MIN);
    const p1 = await progress(em, id);
    expect(Number(p1.progress)).toBeGreaterThan(0);
    expect(Number(p1.progress)).toBeLessThan(100);
    expect(Number(p1.remaining_time)).toBeGreaterThan(0);
    expect(p1.progress_map.struct.completed).toMatch(/^\d+%$/);
    expect(p1.incre_trans_delay).toBe('-1');

    em.advance(60 * MIN);
    expect(await statusOf(em, id)).toBe('INCRE_TRANSFER_STARTED');
    const p2 = await progress(em, id);
    expect(p2.progress).toBe('100');
    expect(p2.remaining_time).toBe('0');
    expect(Number(p2.incre_trans_delay)).toBeGreaterThanOrEqual(0);

    const detail = await em.call('POST', '/jobs/batch-detail', { jobs: [id] });
    expect(detail.body.results[0]).toMatchObject({
      id,
      status: 'INCRE_TRANSFER_STARTED',
      replace_definer: true,
    });
    expect(detail.body.results[0].source_endpoint.db_password).toBeUndefined();
    expect(Number(detail.body.results[0].actual_start_time)).toBeGreaterThan(0);

    // pause and resume
    const pause = await em.call('POST', '/jobs/batch-pause-task', {
      jobs: [{ job_id: id, pause_mode: 'all' }],
    });
    expect(pause.body.results[0].status).toBe('success');
    expect(await statusOf(em, id)).toBe('PAUSING');
    em.advance(MIN);
    expect(await statusOf(em, id)).toBe('PAUSING');
    const resume = await em.call('POST', '/jobs/batch-retry-task', {
      jobs: [{ job_id: id, is_sync_re_edit: true }],
    });
    expect(resume.body.results[0].status).toBe('success');
    expect(await statusOf(em, id)).toBe('INCRE_TRANSFER_STARTED');

    const stop = await em.call('DELETE', '/jobs/batch-jobs', {
      jobs: [{ job_id: id, delete_type: 'force_terminate' }],
    });
    expect(stop.status).toBe(202);
    expect(stop.body.results[0].status).toBe('success');
    expect(await statusOf(em, id)).toBe('RELEASE_RESOURCE_STARTED');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('RELEASE_RESOURCE_COMPLETE');

    const del = await em.call('DELETE', '/jobs/batch-jobs', {
      jobs: [{ job_id: id, delete_type: 'delete' }],
    });
    expect(del.body.results[0].status).toBe('success');
    expect(await statusOf(em, id)).toBe('DELETED');
    const list = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 1,
      db_use_type: 'migration',
      name: id,
    });
    expect(list.body.total_record).toBe(0);
    const gone = await em.call('POST', '/jobs/batch-detail', { jobs: [id] });
    expect(gone.status).toBe(400);
    expect(gone.body.results[0].error_code).toBe('DRS.M05004');
  });

  it('a scheduled start waits in WAITING_FOR_START until start_time', async () => {
    em = await startEmulator();
    const { id } = await create(em, migrationJob('orders-scheduled'));
    em.advance(5_000);
    const at = em.clock.now() + 30 * MIN;
    await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id, start_time: String(at) }] });
    expect(await statusOf(em, id)).toBe('WAITING_FOR_START');
    em.advance(29 * MIN);
    expect(await statusOf(em, id)).toBe('WAITING_FOR_START');
    em.advance(MIN);
    expect(await statusOf(em, id)).toBe('STARTJOBING');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('FULL_TRANSFER_STARTED');
  });

  it('creation and transfer failures for the documented name triggers; retry recovers', async () => {
    em = await startEmulator();
    const bad = await create(em, migrationJob('createfail-demo'));
    em.advance(5_000);
    expect(await statusOf(em, bad.id)).toBe('CREATE_FAILED');
    const st = await em.call('POST', '/jobs/batch-status', { jobs: [bad.id] });
    expect(st.body.results[0].error_code).toBeTruthy();
    expect(st.body.results[0].error_message).toBeTruthy();

    const { id } = await create(em, migrationJob('failfull-demo'));
    em.advance(5_000);
    await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id }] });
    em.advance(10_000 + 60 * MIN);
    expect(await statusOf(em, id)).toBe('FULL_TRANSFER_FAILED');
    const retry = await em.call('POST', '/jobs/batch-retry-task', {
      jobs: [{ job_id: id, is_sync_re_edit: true }],
    });
    expect(retry.body.results[0].status).toBe('success');
    expect(await statusOf(em, id)).toBe('FULL_TRANSFER_STARTED');
    em.advance(60 * MIN);
    expect(await statusOf(em, id)).toBe('INCRE_TRANSFER_STARTED');
  });
});

describe('synchronization lifecycle', () => {
  it('full-only sync ends in FULL_TRANSFER_COMPLETE, then terminate → release → delete', async () => {
    em = await startEmulator();
    const { id } = await create(
      em,
      migrationJob('pg-analytics-sync', {
        db_use_type: 'sync',
        engine_type: 'postgresql',
        task_type: 'FULL_TRANS',
        net_type: 'vpc',
        source_endpoint: { db_type: 'postgresql' },
        target_endpoint: { db_type: 'postgresql', region: 'eu-de', inst_id: 'pg1' },
      }),
    );
    em.advance(5_000);
    const pol = await em.call('POST', '/jobs/batch-sync-policy', {
      jobs: [
        {
          job_id: id,
          conflict_policy: 'overwrite',
          filter_ddl_policy: 'drop_database',
          ddl_trans: true,
          index_trans: true,
        },
      ],
    });
    expect(pol.body.results[0]).toMatchObject({ id, status: 'success' });
    const sel = await em.call('PUT', '/jobs/batch-select-objects', {
      jobs: [
        {
          job_id: id,
          selected: true,
          job: [{ id: 'sales', object_name: 'sales', object_type: 'database', select: 'true' }],
        },
      ],
    });
    expect(sel.status).toBe(202);
    expect(sel.body.results[0]).toMatchObject({ job_id: id, status: true });
    await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id }] });
    em.advance(10_000 + 2 * 60 * MIN);
    expect(await statusOf(em, id)).toBe('FULL_TRANSFER_COMPLETE');
    const d = await em.call('POST', '/jobs/batch-detail', { jobs: [id] });
    expect(d.body.results[0].conflict_policy).toBe('overwrite');
    expect(d.body.results[0].object_switch).toBe(true);
    expect(d.body.results[0].object_infos[0].name).toBe('sales');
    expect(Number(d.body.results[0].full_transfer_complete_time)).toBeGreaterThan(0);
    const list = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 10,
      db_use_type: 'sync',
      status: 'FULL_TRANSFER_COMPLETE',
      name: 'pg-analytics',
    });
    expect(list.body.jobs.map((j: { id: string }) => j.id)).toContain(id);

    const stop = await em.call('DELETE', '/jobs/batch-jobs', {
      jobs: [{ job_id: id, delete_type: 'terminate' }],
    });
    expect(stop.body.results[0].status).toBe('success');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('RELEASE_RESOURCE_COMPLETE');
    await em.call('DELETE', '/jobs/batch-jobs', { jobs: [{ job_id: id, delete_type: 'delete' }] });
    expect(await statusOf(em, id)).toBe('DELETED');
  });
});

describe('disaster recovery lifecycle', () => {
  it('dual-active DR: parent with two subtasks, CHILD_* statuses, switchover swaps roles, release', async () => {
    em = await startEmulator();
    const job = migrationJob('dr-payments-eu', {
      db_use_type: 'cloudDataGuard',
      engine_type: 'cloudDataGuard-mysql',
      multi_write: true,
      is_target_READONLY: true,
    });
    const created = await create(em, job);
    const id = created.id;
    expect(created.child_ids).toHaveLength(2);
    em.advance(5_000);
    expect(await statusOf(em, id)).toBe('CONFIGURATION');
    await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id }] });
    expect(await statusOf(em, id)).toBe('CHILD_TRANSFER_STARTING');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('CHILD_TRANSFER_STARTED');
    expect(await statusOf(em, created.child_ids![0]!)).toBe('FULL_TRANSFER_STARTED');
    em.advance(60 * MIN);
    expect(await statusOf(em, created.child_ids![1]!)).toBe('INCRE_TRANSFER_STARTED');

    const list = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 10,
      db_use_type: 'cloudDataGuard',
      name: 'dr-payments-eu',
    });
    expect(list.body.total_record).toBe(1);
    expect(list.body.jobs[0].children).toHaveLength(2);

    const before = (await em.call('POST', '/jobs/batch-detail', { jobs: [id] })).body.results[0]
      .job_direction;
    const sw = await em.call('POST', '/jobs/batch-switchover', { jobs: [id] });
    expect(sw.status).toBe(202);
    expect(sw.body.results[0].job_id).toBe(id);
    expect(sw.body.results[0].source_db.db_password).toBe('*****');
    const after = (await em.call('POST', '/jobs/batch-detail', { jobs: [id] })).body.results[0];
    expect(after.job_direction).not.toBe(before);
    expect(after.original_job_direction).toBe(before);

    await em.call('DELETE', '/jobs/batch-jobs', { jobs: [{ job_id: id, delete_type: 'force_terminate' }] });
    expect(await statusOf(em, id)).toBe('RELEASE_CHILD_TRANSFER_STARTED');
    em.advance(10_000);
    expect(await statusOf(em, id)).toBe('RELEASE_CHILD_TRANSFER_COMPLETE');
    const del = await em.call('DELETE', '/jobs/batch-jobs', {
      jobs: [{ job_id: id, delete_type: 'delete' }],
    });
    expect(del.body.results[0].status).toBe('success');
    expect(await statusOf(em, created.child_ids![0]!)).toBe('DELETED');
  });

  it('switchover is refused for a migration task (DRS.M00304)', async () => {
    em = await startEmulator();
    const { id } = await create(em, migrationJob('not-a-dr-task'));
    em.advance(5_000);
    const sw = await em.call('POST', '/jobs/batch-switchover', { jobs: [id] });
    expect(sw.body.results[0].error_code).toBe('DRS.M00304');
  });
});

describe('persistence', () => {
  it('--data-dir keeps tasks across restarts', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drs-emu-'));
    try {
      em = await startEmulator({ dataDir: dir });
      const { id } = await create(em, migrationJob('persisted-task'));
      await em.close();
      em = await startEmulator({ dataDir: dir });
      const d = await em.call('POST', '/jobs/batch-detail', { jobs: [id] });
      expect(d.status).toBe(200);
      expect(d.body.results[0].name).toBe('persisted-task');
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await em?.close();
      em = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('single-active DR', () => {
  it('runs to INCRE_TRANSFER_STARTED, answers RPO/RTO, and a switchover swaps the direction', async () => {
    em = await startEmulator();
    const { id } = await create(
      em,
      migrationJob('dr-ledger-standby', {
        db_use_type: 'cloudDataGuard',
        engine_type: 'cloudDataGuard-mysql',
        multi_write: false,
        is_target_READONLY: true,
      }),
    );
    em.advance(5_000);
    await em.call('POST', '/jobs/batch-starting', { jobs: [{ job_id: id }] });
    em.advance(10_000 + 60 * MIN);
    expect(await statusOf(em, id)).toBe('INCRE_TRANSFER_STARTED');
    const rpo = await em.call('POST', '/jobs/batch-rpo-and-rto', { jobs: [id] });
    expect(rpo.status).toBeLessThan(300);
    const list = await em.call('POST', '/jobs', {
      cur_page: 1,
      per_page: 1,
      db_use_type: 'cloudDataGuard',
      name: id,
    });
    expect(list.body.jobs[0].job_action.available_actions).toContain('SWITCH_OVER');
    const sw = await em.call('POST', '/jobs/batch-switchover', { jobs: [id] });
    expect(sw.body.results[0]).toMatchObject({
      job_id: id,
      job_direction: 'down',
      is_target_readonly: false,
    });
    const task = em.emulator.core.store.project(PROJECT).tasks.get(id)!;
    expect(task.switchovers).toBe(1);
    expect(task.ext.lastSwitchoverAt).toBe(em.clock.now());
    const rpo2 = await em.call('POST', '/jobs/batch-rpo-and-rto', { jobs: [id] });
    expect(rpo2.status).toBeLessThan(300);
  });
});
