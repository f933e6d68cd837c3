import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS_WITHOUT_HOOK, operationHooks } from './operationHooks';

/** The operationIds of the table in api/README.md (second column). */
function readmeOperationIds(): string[] {
  const readme = readFileSync(resolve(__dirname, '../../api/README.md'), 'utf8');
  const ids: string[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) continue;
    const [, section, id] = cells;
    if (section && /^\d+(\.\d+)+$/.test(section) && id && /^[a-z][A-Za-z]+$/.test(id)) ids.push(id);
  }
  return ids;
}

describe('operationHooks', () => {
  const ids = readmeOperationIds();

  it('reads the whole operation table of api/README.md', () => {
    expect(ids.length).toBeGreaterThanOrEqual(47);
    expect(ids).toContain('listJobs');
    expect(ids).toContain('batchQueryStructDetail');
  });

  it('has a hook for every operation of api/README.md', () => {
    const registry = operationHooks as Record<string, unknown>;
    const missing = ids.filter(
      (id) =>
        typeof registry[id] !== 'function' && !(OPERATIONS_WITHOUT_HOOK as readonly string[]).includes(id),
    );
    expect(missing).toEqual([]);
  });

  it('lists no operation that api/README.md does not have', () => {
    expect(Object.keys(operationHooks).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('hook names follow use<OperationId>', () => {
    for (const [id, hook] of Object.entries(operationHooks)) {
      if (hook === null) continue;
      expect(hook.name, id).toBe(`use${id[0]!.toUpperCase()}${id.slice(1)}`);
    }
  });
});
