import { describe, expect, it } from 'vitest';
import { hasFilters, parseTaskListSearch, toSearchParams } from './searchParams';
import { parseTags, toListRequest, tooManyIds } from '../model/listFilters';

const EMPTY = { engine: '', status: '', net: '', name: '', instance: '', ip: '', tags: '' };

describe('task list URL state', () => {
  it('parses valid values and falls back on bad ones', () => {
    expect(parseTaskListSearch(new URLSearchParams('scenario=sync&page=3&size=50'))).toEqual({
      ...EMPTY,
      scenario: 'sync',
      page: 3,
      size: 50,
    });
    expect(parseTaskListSearch(new URLSearchParams('scenario=x&page=-2&size=7'))).toEqual({
      ...EMPTY,
      scenario: 'migration',
      page: 1,
      size: 20,
    });
  });

  it('writes only non-default values', () => {
    expect(toSearchParams({ ...EMPTY, scenario: 'migration', page: 1, size: 20 }).toString()).toBe('');
    expect(toSearchParams({ scenario: 'cloudDataGuard', page: 2, size: 20 }).toString()).toBe(
      'scenario=cloudDataGuard&page=2',
    );
  });

  it('keeps every filter in the URL and restores it', () => {
    const params = new URLSearchParams(
      'scenario=cloudDataGuard&page=2&size=50&engine=cloudDataGuard-mysql&status=PAUSING&net=eip&name=dr-&instance=i-1&ip=10.0.0.1&tags=env%3Dprod',
    );
    const search = parseTaskListSearch(params);
    expect(search).toEqual({
      scenario: 'cloudDataGuard',
      page: 2,
      size: 50,
      engine: 'cloudDataGuard-mysql',
      status: 'PAUSING',
      net: 'eip',
      name: 'dr-',
      instance: 'i-1',
      ip: '10.0.0.1',
      tags: 'env=prod',
    });
    expect(hasFilters(search)).toBe(true);
    expect(parseTaskListSearch(toSearchParams(search))).toEqual(search);
  });

  it('drops unknown engines, statuses and networks', () => {
    const search = parseTaskListSearch(new URLSearchParams('engine=oracle&status=RUNNING&net=lan'));
    expect(search).toMatchObject({ engine: '', status: '', net: '' });
    expect(hasFilters(search)).toBe(false);
  });

  it('maps the filters to the 4.1.20 request', () => {
    expect(
      toListRequest('sync', 3, 10, {
        ...EMPTY,
        engine: 'mysql',
        status: 'INCRE_TRANSFER_STARTED',
        name: ' a , b ,',
        instance: 'inst-1',
        ip: '192.168.0.1',
        tags: 'env=prod, team=db',
      }),
    ).toEqual({
      db_use_type: 'sync',
      cur_page: 3,
      per_page: 10,
      engine_type: 'mysql',
      net_type: '',
      status: 'INCRE_TRANSFER_STARTED',
      name: 'a,b',
      instance_ids: ['inst-1'],
      instance_ip: '192.168.0.1',
      tags: { env: 'prod', team: 'db' },
    });
    expect(toListRequest('migration', 1, 20, EMPTY)).toEqual({
      db_use_type: 'migration',
      cur_page: 1,
      per_page: 20,
      engine_type: '',
      net_type: '',
      status: '',
    });
  });

  it('checks tags and the 100-id limit', () => {
    expect(parseTags('a=1,b')).toEqual({ a: '1', b: '' });
    expect(parseTags('=1')).toBeUndefined();
    expect(parseTags(`${'k'.repeat(37)}=1`)).toBeUndefined();
    expect(parseTags(`k=${'v'.repeat(44)}`)).toBeUndefined();
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`).join(',');
    expect(tooManyIds(ids(100))).toBe(false);
    expect(tooManyIds(ids(101))).toBe(true);
  });
});
