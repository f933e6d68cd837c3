import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvTemplate, CSV_COLUMNS, parseBatchCsv } from './csv';
import { readBatchInput } from './input';
import { jsonErrorOffset, lineColumnOf } from './jsonError';
import { validateJob, validateJobs } from './schema';
import { batchJob } from '../../../../../e2e/data/batch-jobs';

// the reference's example job (4.1.1), with a read-only target
const VALID = batchJob('orders-to-rds', { is_target_readonly: true });

const rulesOf = (job: unknown) => validateJob(job, 0).issues.map((i) => `${i.field}:${i.rule}`);

describe('batch job validation (4.1.1 tables 4-4, 4-5, 4-7)', () => {
  it('accepts the reference-shaped job and rewrites table spellings to the SDK spellings', () => {
    expect(rulesOf(VALID)).toEqual([]);
    const { customize_sutnet_id, is_target_readonly, ...rest } = VALID;
    const row = validateJob(
      {
        ...rest,
        customize_sut_net_id: customize_sutnet_id,
        is_target_read_only: is_target_readonly,
        expired_days: 20,
      },
      0,
    );
    expect(row.issues).toEqual([]);
    expect(row.job.customize_sutnet_id).toBe(customize_sutnet_id);
    expect(row.job.is_target_readonly).toBe(true);
    expect(row.job.expired_days).toBe('20');
    expect('customize_sut_net_id' in row.job).toBe(false);
  });

  it('locates every broken rule by field', () => {
    expect(rulesOf({ ...VALID, name: '1abc' })).toEqual(['name:wizard.rule.nameStart']);
    expect(rulesOf({ ...VALID, description: 'a<b' })).toEqual(['description:wizard.rule.descriptionChars']);
    expect(rulesOf({ ...VALID, net_type: 'eip', bind_eip: false })).toEqual([
      'bind_eip:batchCreate.rule.bindEip',
    ]);
    expect(rulesOf({ ...VALID, expired_days: '101' })).toEqual(['expired_days:wizard.rule.expiredDays']);
    expect(rulesOf({ ...VALID, node_type: 'huge' })).toEqual(['node_type:batchCreate.rule.oneOf']);
    expect(rulesOf({ ...VALID, source_endpoint: { db_port: 70000 } })).toEqual([
      'source_endpoint.db_port:wizard.rule.port',
    ]);
    expect(rulesOf({ ...VALID, target_endpoint: { db_type: 'mysql' } })).toEqual([
      'target_endpoint.region:batchCreate.rule.cloudSide',
      'target_endpoint.inst_id:batchCreate.rule.cloudSide',
    ]);
    expect(
      rulesOf({
        ...VALID,
        tags: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      }),
    ).toEqual(['tags.1.key:wizard.rule.tagDuplicate']);
    expect(rulesOf({ ...VALID, nmae: 'typo' })).toEqual(['nmae:batchCreate.rule.unknownField']);
    const { name: _n, ...noName } = VALID;
    expect(rulesOf(noName)).toEqual(['name:batchCreate.rule.required']);
    const { net_type: _t, customize_sutnet_id: _s, ...noEnum } = VALID;
    expect(rulesOf(noEnum)).toEqual([
      'customize_sutnet_id:batchCreate.rule.required',
      'net_type:batchCreate.rule.required',
    ]);
    expect(rulesOf({ ...VALID, multi_write: 'no' })).toEqual(['multi_write:batchCreate.rule.type']);
    expect(rulesOf('text')).toEqual([':batchCreate.rule.notObject']);
  });

  it('applies the scenario rules: DR has no VPC, only FULL_INCR_TRANS, and needs multi_write', () => {
    const dr = { ...VALID, db_use_type: 'cloudDataGuard', engine_type: 'cloudDataGuard-mysql' };
    expect(rulesOf(dr)).toEqual(['multi_write:batchCreate.rule.multiWriteDr']);
    expect(rulesOf({ ...dr, multi_write: false, net_type: 'vpc', task_type: 'FULL_TRANS' })).toEqual([
      'net_type:wizard.rule.netTypeDr',
      'task_type:wizard.rule.taskModeDr',
    ]);
    expect(
      rulesOf({
        ...VALID,
        engine_type: 'postgresql',
        source_endpoint: { db_type: 'postgresql' },
        target_endpoint: { ...VALID.target_endpoint, db_type: 'postgresql' },
      }),
    ).toEqual(['engine_type:wizard.rule.engineScenario']);
    expect(rulesOf({ ...VALID, source_endpoint: { db_type: 'oracle' } })).toEqual([
      'source_endpoint.db_type:batchCreate.rule.dbTypeEngine',
    ]);
  });

  it('names must be unique in the batch, case-insensitive (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{3,20}$/), (name) => {
        const rows = validateJobs([
          { ...VALID, name },
          { ...VALID, name: name.toUpperCase() },
        ]);
        expect(rows[0]!.issues).toEqual([]);
        expect(rows[1]!.issues).toEqual([
          { field: 'name', rule: 'batchCreate.rule.duplicateName', params: { row: 1 } },
        ]);
      }),
    );
  });
});

describe('batch CSV parser', () => {
  it('the template parses into valid jobs', () => {
    const input = readBatchInput(csvTemplate());
    expect(input.format).toBe('csv');
    expect(input.errors).toEqual([]);
    expect(input.rows).toHaveLength(2);
    expect(input.rows.map((r) => r.issues)).toEqual([[], []]);
    expect(input.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(input.rows[0]!.job.tags).toEqual([
      { key: 'team', value: 'dba' },
      { key: 'env', value: 'prod' },
    ]);
    expect(input.rows[1]!.job.multi_write).toBe(false);
  });

  it('converts cells: booleans, integers, endpoints, enterprise project; empty cells are left out', () => {
    const csv =
      'name;source_db_port;bind_eip;enterprise_project_id;target_region;description\nabcd;3306;yes;ep-1;eu-de;\n';
    const { rows, errors } = parseBatchCsv(csv);
    expect(errors).toEqual([]);
    expect(rows[0]!.job).toEqual({
      name: 'abcd',
      bind_eip: true,
      sys_tags: [{ key: '_sys_enterprise_project_id', value: 'ep-1' }],
      source_endpoint: { db_port: 3306 },
      target_endpoint: { region: 'eu-de' },
    });
  });

  it('reports structural errors with their lines', () => {
    expect(parseBatchCsv('').errors).toEqual([{ line: 0, rule: 'batchCreate.csv.empty' }]);
    expect(parseBatchCsv('name,colour\n').errors).toEqual([
      { line: 1, rule: 'batchCreate.csv.unknownColumn', params: { column: 'colour' } },
      { line: 0, rule: 'batchCreate.csv.noRows' },
    ]);
    expect(parseBatchCsv('db_use_type\nsync\n').errors).toEqual([
      { line: 1, rule: 'batchCreate.csv.missingName' },
    ]);
    expect(parseBatchCsv('name,name\na,b\n').errors).toEqual([
      { line: 1, rule: 'batchCreate.csv.duplicateColumn', params: { column: 'name' } },
    ]);
    // blank lines are skipped but counted; a short row is refused at its own line
    const short = parseBatchCsv('name,db_use_type\nabcd,sync\n\nefgh\n');
    expect(short.rows.map((r) => r.line)).toEqual([2]);
    expect(short.errors).toEqual([
      { line: 4, rule: 'batchCreate.csv.fieldCount', params: { expected: 2, actual: 1 } },
    ]);
    // an unclosed quote
    const quote = parseBatchCsv('name,description\nabcd,"open\n');
    expect(quote.errors.some((e) => e.rule === 'batchCreate.csv.MissingQuotes' && e.line === 2)).toBe(true);
  });

  it('locates rows after a quoted multi-line cell', () => {
    const { rows } = parseBatchCsv('name,description\nabcd,"two\nlines"\nefgh,x\n');
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('every column of the template is a known column', () => {
    expect(csvTemplate().split('\n')[0]!.split(',')).toEqual([...CSV_COLUMNS]);
  });
});

describe('batch JSON input', () => {
  it('accepts the 4.1.1 body, a bare array or one job', () => {
    expect(readBatchInput(JSON.stringify({ jobs: [VALID, VALID] })).rows).toHaveLength(2);
    expect(readBatchInput(JSON.stringify([VALID])).rows).toHaveLength(1);
    expect(readBatchInput(JSON.stringify(VALID)).rows[0]!.issues).toEqual([]);
  });

  it('reports syntax errors with a line, and wrong shapes', () => {
    const bad = readBatchInput('{\n  "jobs": [\n    {"name": }\n]}');
    expect(bad.format).toBe('json');
    expect(bad.errors[0]!.rule).toBe('batchCreate.json.syntax');
    expect(bad.errors[0]!.line).toBe(3);
    expect(readBatchInput('{"jobs": 3}').errors).toEqual([{ line: 0, rule: 'batchCreate.json.shape' }]);
    expect(readBatchInput('{"jobs": []}').errors).toEqual([{ line: 0, rule: 'batchCreate.json.empty' }]);
    expect(readBatchInput('   ').format).toBeUndefined();
  });
});

describe('JSON error location', () => {
  it('agrees with JSON.parse on validity (property) and points at the break', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 2);
        expect(jsonErrorOffset(text)).toBeUndefined();
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(s) === undefined).toBe(valid);
      }),
    );
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(lineColumnOf('{\n  "a": x', 9)).toEqual({ line: 2, column: 8 });
  });
});
