import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './helpers.ts';

let em: TestEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const LIST = { cur_page: 1, per_page: 5, db_use_type: 'migration' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A call that loses its connection rejects (fetch: "fetch failed", cause ECONNRESET / socket closed). */
async function connectionLost(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return false;
  } catch {
    return true;
  }
}

describe('control API: outage (the service restarting)', () => {
  it('drops every DRS and IAM call until DELETE, then serves again; the restart forgot the tokens', async () => {
    em = await startEmulator();
    expect((await em.call('POST', '/jobs', LIST)).status).toBe(200);

    const started = await em.control('POST', '/outage', {});
    expect(started.status).toBe(200);
    expect(started.body.outage.since).toEqual(expect.any(Number));
    expect(started.body.outage.until).toBeUndefined();
    expect(started.body.expired).toBe(1);

    expect(await connectionLost(em.call('POST', '/jobs', LIST))).toBe(true);
    expect(await connectionLost(em.call('POST', '/jobs/batch-status', { jobs: ['x'] }))).toBe(true);
    expect(await connectionLost(em.login())).toBe(true);
    // the control API still answers and shows the outage
    const state = await em.control('GET', '/state');
    expect(state.body.outage.refused).toBe(3);

    const ended = await em.control('DELETE', '/outage');
    expect(ended.body).toMatchObject({ outage: null, ended: { refused: 3 } });
    expect((await em.control('GET', '/state')).body.outage).toBeNull();

    // back: the old token was forgotten by the "restart", a new one works
    const stale = await em.call('POST', '/jobs', LIST);
    expect(stale.status).toBe(403);
    expect(stale.body.error_code).toBe('DRS.M00100');
    const login = await em.login();
    expect(login.status).toBe(201);
    const token = login.headers.get('x-subject-token')!;
    expect((await em.call('POST', '/jobs', LIST, { token })).status).toBe(200);
  });

  it('ends by itself after ms of real time; forgetTokens: false keeps the tokens', async () => {
    em = await startEmulator();
    const started = await em.control('POST', '/outage', { ms: 300, forgetTokens: false });
    expect(started.body.expired).toBe(0);
    expect(started.body.outage.until - started.body.outage.since).toBe(300);
    expect(await connectionLost(em.call('POST', '/jobs', LIST))).toBe(true);
    await sleep(350);
    expect((await em.call('POST', '/jobs', LIST)).status).toBe(200);
  });

  it('is ended by reset and refuses bad bodies', async () => {
    em = await startEmulator();
    expect((await em.control('POST', '/outage', { ms: 0 })).status).toBe(400);
    expect((await em.control('POST', '/outage', { forgetTokens: 'yes' })).status).toBe(400);
    await em.control('POST', '/outage', { forgetTokens: false });
    expect(await connectionLost(em.call('POST', '/jobs', LIST))).toBe(true);
    await em.control('POST', '/reset');
    expect((await em.call('POST', '/jobs', LIST)).status).toBe(200);
  });
});
