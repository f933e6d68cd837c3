import { describe, expect, it } from 'vitest';
import { createLogger, loggablePath, MASK, redact, redactValue } from './log.ts';

describe('redact', () => {
  it('masks password and token keys in JSON, query strings and free text', () => {
    expect(redact('{"name":"dba","password":"p\\"w d","db_password": "x1"}')).toBe(
      `{"name":"dba","password":"${MASK}","db_password": "${MASK}"}`,
    );
    expect(redact('GET /x?user=a&password=hunter2&token=abc.def')).toBe(
      `GET /x?user=a&password=${MASK}&token=${MASK}`,
    );
    expect(redact('full_trans_user_pwd: s3cret, ok')).toBe(`full_trans_user_pwd: ${MASK}, ok`);
  });

  it('masks X-Auth-Token, X-Subject-Token, Authorization and Cookie values', () => {
    const out = redact(
      'X-Auth-Token: MIIabc123\nx-subject-token=MIIdef456\nAuthorization: Bearer zzz\nCookie: a=b',
    );
    expect(out).not.toMatch(/MIIabc123|MIIdef456|zzz|a=b/);
    expect(out).toContain(`X-Auth-Token: ${MASK}`);
  });

  it('masks registered secrets wherever they appear', () => {
    expect(redact('upstream said MIIsecretvalue was bad', ['MIIsecretvalue'])).toBe(
      `upstream said ${MASK} was bad`,
    );
  });

  it('leaves ordinary lines alone', () => {
    const line = 'GET /api/jobs/batch-status 200 12ms';
    expect(redact(line)).toBe(line);
  });
});

describe('redactValue', () => {
  it('masks secret keys and credential headers deeply', () => {
    expect(
      redactValue({
        auth: { identity: { password: { user: { name: 'dba', password: 'pw' } } } },
        headers: { 'X-Auth-Token': 'tok', 'content-type': 'application/json' },
        jobs: [{ source_endpoint: { db_password: 'x', ip: '10.0.0.1' } }],
      }),
    ).toEqual({
      auth: { identity: { password: MASK } },
      headers: { 'X-Auth-Token': MASK, 'content-type': 'application/json' },
      jobs: [{ source_endpoint: { db_password: MASK, ip: '10.0.0.1' } }],
    });
  });
});

describe('createLogger and loggablePath', () => {
  it('redacts every line, including added secrets', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.addSecret('MIItokenvalue');
    log('token MIItokenvalue rejected; password=abc');
    expect(lines).toEqual([`token ${MASK} rejected; password=${MASK}`]);
  });

  it('keeps query keys and drops their values', () => {
    expect(loggablePath('/api/jobs?password=x&cur_page=1&cur_page=2')).toBe('/api/jobs?password&cur_page');
    expect(loggablePath('/api/jobs')).toBe('/api/jobs');
    expect(loggablePath('/api/jobs?')).toBe('/api/jobs');
  });
});
