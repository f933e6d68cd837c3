import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrsClient, P, rewriteProjectPath, unwrap, type DrsClient } from './client';
import { DrsApiError } from './errors';
import { splitBatchResults, explainFailure } from './batch';
import { sendJson, startTestServer, type TestServer } from '../../test/httpServer';

let server: TestServer;
let language: 'en-us' | 'zh-cn' = 'en-us';
let client: DrsClient;

beforeAll(async () => {
  server = await startTestServer(async (req, res) => {
    if (req.url === '/api/jobs/batch-status') {
      const { jobs } = JSON.parse(req.body) as { jobs: string[] };
      if (jobs.includes('missing')) {
        return sendJson(res, 400, {
          results: [{ id: 'missing', error_code: 'DRS.M00289', error_message: 'job not found' }],
          count: 1,
        });
      }
      return sendJson(res, 200, {
        results: jobs.map((id) => ({ id, status: 'CONFIGURATION' })),
        count: jobs.length,
      });
    }
    if (req.url === '/api/jobs')
      return sendJson(res, 400, { error_code: 'DRS.M00202', error_msg: 'Invalid parameter' });
    if (req.url === '/api/node-type?engine_type=mysql&db_use_type=migration&job_direction=up') {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      return res.end('<html>Bad gateway</html>');
    }
    if (req.url === '/api/jobs/batch-progress') {
      await new Promise((r) => setTimeout(r, 2_000));
      return sendJson(res, 200, { results: [] });
    }
    sendJson(res, 404, { error_code: 'DRS.M00007', error_msg: `no route ${req.url}` });
  });
  client = createDrsClient({ baseUrl: `${server.url}/api`, language: () => language });
});

afterAll(() => server.close());

describe('DRS client', () => {
  it('strips /v3/{project_id} so the proxy adds the project, and sends X-Language', async () => {
    language = 'zh-cn';
    const data = await unwrap(
      'batchQueryJobStatus',
      client.POST('/v3/{project_id}/jobs/batch-status', { params: { path: P }, body: { jobs: ['a', 'b'] } }),
    );
    expect(data.results?.map((r) => r.status)).toEqual(['CONFIGURATION', 'CONFIGURATION']);
    const last = server.requests.at(-1)!;
    expect(last.url).toBe('/api/jobs/batch-status');
    expect(last.headers['x-language']).toBe('zh-cn');
    expect(JSON.parse(last.body)).toEqual({ jobs: ['a', 'b'] });
    language = 'en-us';
  });

  it('rewrites only the project prefix', () => {
    expect(rewriteProjectPath('http://h/api/v3/_/jobs/x?a=1')).toBe('http://h/api/jobs/x?a=1');
    expect(rewriteProjectPath('/api/v3/_/node-type')).toBe('/api/node-type');
    expect(rewriteProjectPath('/api/v3/auth/tokens')).toBe('/api/v3/auth/tokens');
  });

  it('turns an error body into a DrsApiError with code, status and the explanation in both languages', async () => {
    const error = await unwrap(
      'listJobs',
      client.POST('/v3/{project_id}/jobs', {
        params: { path: P },
        body: { cur_page: 1, per_page: 10, db_use_type: 'migration' },
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrsApiError);
    const e = error as DrsApiError;
    expect(e.kind).toBe('http');
    expect(e.status).toBe(400);
    expect(e.code).toBe('DRS.M00202');
    expect(e.rawMessage).toBe('Invalid parameter');
    expect(e.isClientError).toBe(true);
    expect(e.explain('en-us').known).toBe(true);
    expect(e.explain('en-us').meaning).toMatch(/\w/);
    expect(e.explain('zh-cn').meaning).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads the code of a batch answer that failed as a whole from its first failed item', async () => {
    const e = (await unwrap(
      'batchQueryJobStatus',
      client.POST('/v3/{project_id}/jobs/batch-status', { params: { path: P }, body: { jobs: ['missing'] } }),
    ).catch((x: unknown) => x)) as DrsApiError;
    expect(e.code).toBe('DRS.M00289');
    expect(e.rawMessage).toBe('job not found');
  });

  it('reports a non-JSON body as kind "parse" with the HTTP status', async () => {
    const e = (await unwrap(
      'listNodeTypes',
      client.GET('/v3/{project_id}/node-type', {
        params: { path: P, query: { engine_type: 'mysql', db_use_type: 'migration', job_direction: 'up' } },
      }),
    ).catch((x: unknown) => x)) as DrsApiError;
    expect(e).toBeInstanceOf(DrsApiError);
    expect(e.kind).toBe('parse');
    expect(e.status).toBe(502);
  });

  it('reports an unreachable server as kind "network"', async () => {
    const dead = await startTestServer(() => {});
    const url = dead.url;
    await dead.close();
    const offline = createDrsClient({ baseUrl: `${url}/api`, language: () => 'en-us' });
    const e = (await unwrap(
      'batchQueryJobStatus',
      offline.POST('/v3/{project_id}/jobs/batch-status', { params: { path: P }, body: { jobs: ['a'] } }),
    ).catch((x: unknown) => x)) as DrsApiError;
    expect(e).toBeInstanceOf(DrsApiError);
    expect(e.kind).toBe('network');
    expect(e.status).toBeUndefined();
  });

  it('passes the AbortSignal through and rethrows the abort as is', async () => {
    const controller = new AbortController();
    const pending = unwrap(
      'batchQueryProgress',
      client.POST('/v3/{project_id}/jobs/batch-progress', {
        params: { path: P },
        body: { jobs: ['a'] },
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 50);
    const e = await pending.catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(DrsApiError);
    expect((e as Error).name).toBe('AbortError');
  });
});

describe('batch results', () => {
  it('keeps every item and splits failures with their codes', () => {
    const results = [
      { id: 'a', status: 'success' },
      { id: 'b', status: 'failed', error_code: 'DRS.M00289', error_msg: 'not found' },
      { job_id: 'c', error_code: 'SUCCESS' },
      { id: 'd', status: 'false', success: false, error_code: 'DRS.KE0070', error_msg: 'Connection failed.' },
      { job_id: 'e', error_code: 'DRS.M05004', error_message: 'gone' },
    ];
    const { successes, failures } = splitBatchResults(results);
    expect(successes.map((s) => s.id ?? s.job_id)).toEqual(['a', 'c']);
    expect(failures.map((f) => [f.id, f.code, f.message])).toEqual([
      ['b', 'DRS.M00289', 'not found'],
      ['d', 'DRS.KE0070', 'Connection failed.'],
      ['e', 'DRS.M05004', 'gone'],
    ]);
    expect(failures[1]!.item).toBe(results[3]);
    const explained = explainFailure(failures[1]!, 'en-us');
    expect(explained.known).toBe(true);
    expect(explained.fix).toMatch(/pg_hba\.conf/);
  });

  it('handles a missing results array', () => {
    expect(splitBatchResults(undefined)).toEqual({ successes: [], failures: [] });
  });
});
