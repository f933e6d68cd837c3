import { describe, expect, it } from 'vitest';
import { closeJson, readReferenceSections, repairJson } from './reference-examples';

describe('reading the reference examples', () => {
  const sections = readReferenceSections();

  it('finds the 46 operations of chapter 4 with a method and URI each', () => {
    expect(sections.map((s) => s.section)).toHaveLength(46);
    for (const s of sections) {
      expect(s.method, s.section).toMatch(/^(GET|POST|PUT|DELETE)$/);
      expect(s.uri, s.section).toMatch(/^\/v3\/\{project_id\}\//);
    }
  });

  it('finds an example request for every operation', () => {
    const without = sections.filter((s) => s.requests.length === 0).map((s) => s.section);
    expect(without).toEqual([]);
  });

  it('repairs every request body the conversion cut or mangled', () => {
    const broken = sections.flatMap((s) =>
      s.unusable.filter((u) => u.startsWith('request')).map((u) => `${s.section} ${u}`),
    );
    expect(broken).toEqual([]);
  });

  it('leaves at most the known-unrepairable example responses (4.1.7 #1, 4.1.20)', () => {
    const broken = sections
      .filter((s) => s.unusable.some((u) => u.startsWith('response')))
      .map((s) => s.section);
    expect(broken.filter((s) => !['4.1.7', '4.1.20'].includes(s))).toEqual([]);
  });

  it('joins a JSON block cut by a page break', () => {
    const { value } = repairJson(['{ "jobs": [ {\n  "name": "a",\n  "x": 1,\n } ]\n}', '"y": 2\n} ]\n}']);
    expect(value).toEqual({ jobs: [{ name: 'a', x: 1, y: 2 }] });
  });

  it('closes brackets, drops stray closers and trailing commas', () => {
    expect(JSON.parse(closeJson('{"a": [1, 2,'))).toEqual({ a: [1, 2] });
    expect(JSON.parse(closeJson('{"a": {"b": 1}}}'))).toEqual({ a: { b: 1 } });
    expect(JSON.parse(closeJson('{"results": [ {"id": 1, "ok": true ] }'))).toEqual({
      results: [{ id: 1, ok: true }],
    });
  });

  it('keeps the query string of GET examples', () => {
    const s = sections.find((x) => x.section === '4.1.23')!;
    expect(s.requests[0]!.path).toContain('db_use_type=sync');
  });
});

describe('repairs seen in the reference', () => {
  it('closes an array whose closer a page break lost before the next key (4.1.25 sampling example)', () => {
    const { value } = repairJson([
      '{\n  "compare_object" : [ {',
      '    "db_name" : "t_auto_db",\n    "table_name" : [ ],\n  },\n  "options" : { },\n  "type" : "random"\n}',
    ]);
    expect(value).toEqual({
      compare_object: [{ db_name: 't_auto_db', table_name: [] }],
      options: {},
      type: 'random',
    });
  });
});
