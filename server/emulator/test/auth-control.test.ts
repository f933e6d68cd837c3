import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type TestEmulator } from './helpers.ts';

let em: TestEmulator | undefined;
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const LIST = { cur_page: 1, per_page: 5, db_use_type: 'migration' };

describe('IAM and token checks', () => {
  it('issues a token in X-Subject-Token with expires_at 24 h of emulated time later', async () => {
    em = await startEmulator();
    const r = await em.login();
    expect(r.status).toBe(201);
    expect(r.headers.get('x-subject-token')).toMatch(/^\S{20,}$/);
    const expires = Date.parse(r.body.token.expires_at);
    expect(expires - em.clock.now()).toBe(24 * 3600 * 1000);
  });

  it('answers 403 DRS.M00100 without a token, with an unknown token and with an expired token', async () => {
    em = await startEmulator();
    for (const token of [null, 'not-a-token']) {
      const r = await em.call('POST', '/jobs', LIST, { token });
      expect(r.status).toBe(403);
      expect(r.body).toEqual({ error_code: 'DRS.M00100', error_msg: 'Invalid token.' });
    }
    expect((await em.call('POST', '/jobs', LIST)).status).toBe(200);
    em.advance(24 * 3600 * 1000);
    expect((await em.call('POST', '/jobs', LIST)).body.error_code).toBe('DRS.M00100');
  });

  it('finds issued tokens in a text without revealing them (the leak check of e2e/secrets.spec.ts)', async () => {
    em = await startEmulator();
    const clean = await em.control('POST', '/tokens/find', { haystack: 'nothing secret here' });
    expect(clean.body).toEqual({ found: 0, issued: 1 });
    const leaked = await em.control('POST', '/tokens/find', { haystack: `x-auth-token: ${em.token}` });
    expect(leaked.body.found).toBe(1);
    expect(leaked.text).not.toContain(em.token);
    expect((await em.control('POST', '/tokens/find', {})).status).toBe(400);
  });

  it('expires every issued token through the control API', async () => {
    em = await startEmulator();
    expect((await em.call('POST', '/jobs', LIST)).status).toBe(200);
    expect((await em.control('POST', '/tokens/expire', {})).status).toBe(200);
    const r = await em.call('POST', '/jobs', LIST);
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe('DRS.M00100');
  });

  it('with --iam-password accepts only that password; rejects malformed token requests', async () => {
    em = await startEmulator({ iamPassword: 's3cret' });
    expect((await em.login('wrong')).status).toBe(401);
    expect((await em.login('s3cret')).status).toBe(201);
    const bad = await fetch(`${em.url}/v3/auth/tokens`, { method: 'POST', body: '{"auth":{}}' });
    expect(bad.status).toBe(400);
  });

  it('accepts the static token option', async () => {
    em = await startEmulator({ staticToken: 'static-test-token' });
    expect((await em.call('POST', '/jobs', LIST, { token: 'static-test-token' })).status).toBe(200);
  });
});

describe('control API', () => {
  it('injects 5xx, latency, malformed JSON and connection resets per path, and removes them', async () => {
    em = await startEmulator();
    let r = await em.control('POST', '/faults', {
      path: '/v3/*/jobs/batch-status',
      status5xxRate: 1,
      count: 1,
    });
    expect(r.status).toBe(200);
    const statusCall = () => em!.call('POST', '/jobs/batch-status', { jobs: ['x'] });
    r = await statusCall();
    expect(r.status).toBe(503);
    expect(r.body.error_code).toBe('DRS.M00004');
    expect((await statusCall()).status).toBe(400); // count exhausted: the real answer (not found)

    await em.control('POST', '/faults', { path: '/v3/*/jobs', method: 'POST', malformedJson: true });
    r = await em.call('POST', '/jobs', LIST);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();

    await em.control('POST', '/faults', { path: '/v3/*/jobs', latencyMs: 150 });
    const t0 = Date.now();
    await em.call('POST', '/jobs', LIST);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);

    await em.control('DELETE', '/faults');
    await em.control('POST', '/faults', { path: '/v3/*/jobs/batch-detail', resetConnection: true });
    await expect(em.call('POST', '/jobs/batch-detail', { jobs: ['x'] })).rejects.toThrow();
    await em.control('DELETE', '/faults');
    r = await em.call('POST', '/jobs', LIST);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).jobs).toBeInstanceOf(Array);
  });

  it('rejects malformed fault specs with 400', async () => {
    em = await startEmulator();
    expect((await em.control('POST', '/faults', { latencyMs: 5 })).status).toBe(400);
    expect((await em.control('POST', '/faults', { path: '/x', status5xxRate: 2 })).status).toBe(400);
    expect((await em.control('POST', '/nope', {})).status).toBe(404);
  });

  it('advances the clock, sets the speed and reports state', async () => {
    em = await startEmulator();
    const before = (await em.control('GET', '/state')).body.now;
    await em.control('POST', '/clock/advance', { ms: 60_000 });
    const s = (await em.control('GET', '/state')).body;
    expect(s.now - before).toBe(60_000);
    await em.control('POST', '/clock/speed', { speed: 60 });
    expect((await em.control('GET', '/state')).body.speed).toBe(60);
  });

  it('is absent with strict', async () => {
    em = await startEmulator({ strict: true });
    expect((await em.control('GET', '/state')).status).toBe(404);
  });

  it('seeds the same world for the same seed, another for another seed; reset restores it', async () => {
    em = await startEmulator({ seed: 42 });
    const all = { cur_page: 0, per_page: 0 };
    const snapshot = async () => {
      const out = [];
      for (const db_use_type of ['migration', 'sync', 'cloudDataGuard'])
        out.push((await em!.call('POST', '/jobs', { ...all, db_use_type })).body);
      return JSON.stringify(out);
    };
    const first = await snapshot();
    const em2 = await startEmulator({ seed: 42 });
    try {
      const second: string[] = [];
      for (const db_use_type of ['migration', 'sync', 'cloudDataGuard'])
        second.push((await em2.call('POST', '/jobs', { ...all, db_use_type })).body);
      expect(JSON.stringify(second)).toBe(first);
    } finally {
      await em2.close();
    }
    await em.control('POST', '/seed', { seed: 43, tasks: 20 });
    const other = await snapshot();
    expect(other).not.toBe(first);
    const total = JSON.parse(other).reduce(
      (n: number, b: { jobs: unknown[]; total_record: number }) => n + b.total_record,
      0,
    );
    expect(total).toBeGreaterThan(10);
    expect(total).toBeLessThanOrEqual(20);
    await em.control('POST', '/seed', { seed: 42, tasks: 36 });
    expect(await snapshot()).toBe(first);
  });
});
