import { describe, expect, it } from 'vitest';
import en from './en-us.json';
import zh from './zh-cn.json';
import { JOB_STATUSES, STATUS_GROUPS } from '../features/tasks/model/status';
import { messagesFor } from '../lib/i18n';

const FEATURE_MESSAGE_FILES = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', {
  eager: true,
  import: 'default',
});

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('feature locale files', () => {
  const files = Object.entries(FEATURE_MESSAGE_FILES);

  it('come in pairs with the same keys (en-us.json and zh-cn.json in each feature)', () => {
    for (const [path, messages] of files) {
      if (!path.endsWith('/en-us.json')) continue;
      const twin = FEATURE_MESSAGE_FILES[path.replace(/en-us\.json$/, 'zh-cn.json')];
      expect(twin, `${path} has no zh-cn.json beside it`).toBeDefined();
      expect(keys(twin).sort(), path).toEqual(keys(messages).sort());
    }
  });

  it('own their top-level keys: no clash with the shared file or another feature', () => {
    const owner = new Map<string, string>(Object.keys(en).map((k) => [k, 'src/locales/en-us.json']));
    for (const [path, messages] of files) {
      if (!path.endsWith('/en-us.json')) continue;
      for (const key of Object.keys(messages)) {
        expect(owner.get(key), `"${key}" of ${path} is also defined by ${owner.get(key)}`).toBeUndefined();
        owner.set(key, path);
      }
    }
  });

  it('are merged into the messages of each language (all registered by the test setup)', () => {
    for (const [path, messages] of files) {
      const language = path.endsWith('/zh-cn.json') ? 'zh-cn' : 'en-us';
      for (const key of keys(messages)) expect(get(messagesFor(language), key), key).toBe(get(messages, key));
    }
  });
});

describe('locales', () => {
  it('en-us and zh-cn have exactly the same keys', () => {
    const enKeys = keys(en).sort();
    const zhKeys = keys(zh).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('no value is empty, and interpolation variables match', () => {
    for (const key of keys(en)) {
      const e = String(get(en, key));
      const z = String(get(zh, key));
      expect(e, key).not.toBe('');
      expect(z, key).not.toBe('');
      const vars = (s: string) => (s.match(/{{\s*\w+\s*}}/g) ?? []).map((v) => v.replace(/\s/g, '')).sort();
      expect(vars(z), key).toEqual(vars(e));
    }
  });

  it('every task status and status group has human text in both languages', () => {
    for (const status of JOB_STATUSES) {
      expect(get(en, `status.${status}`), status).toBeTypeOf('string');
      expect(get(zh, `status.${status}`), status).toBeTypeOf('string');
      expect(get(zh, `status.${status}`)).not.toBe(get(en, `status.${status}`));
    }
    for (const group of STATUS_GROUPS) {
      expect(get(en, `statusGroup.${group}`)).toBeTypeOf('string');
      expect(get(zh, `statusGroup.${group}`)).toBeTypeOf('string');
    }
  });
});
