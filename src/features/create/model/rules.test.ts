import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  basicsSchema,
  connectionSchemaFor,
  defaultBasics,
  descriptionRule,
  DESCRIPTION_FORBIDDEN,
  emptyConnection,
  expiredDaysRule,
  fieldErrors,
  nameRule,
  NAME_PATTERN,
  tagsRule,
  endpointDbTypes,
} from './rules';

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const nameChars = [...letters, ...'0123456789_-'.split('')];
const validName = fc
  .tuple(
    fc.constantFrom(...letters),
    fc.array(fc.constantFrom(...nameChars), { minLength: 3, maxLength: 49 }),
  )
  .map(([a, rest]) => a + rest.join(''));

describe('task name (4.1.1: 4–50, starts with a letter, letters/digits/-/_)', () => {
  it('accepts every valid name', () => {
    fc.assert(fc.property(validName, (n) => nameRule.safeParse(n).success));
  });
  it('agrees with the reference pattern on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        (n) => nameRule.safeParse(n).success === NAME_PATTERN.test(n),
      ),
    );
  });
  it('refuses too short, too long, a leading digit or a space, with the right reason', () => {
    expect(nameRule.safeParse('abc').error?.issues[0]?.message).toBe('wizard.rule.nameLength');
    expect(nameRule.safeParse('a'.repeat(51)).success).toBe(false);
    expect(nameRule.safeParse('1abcd').error?.issues[0]?.message).toBe('wizard.rule.nameStart');
    expect(nameRule.safeParse('ab cd').error?.issues[0]?.message).toBe('wizard.rule.nameChars');
  });
});

describe('description (≤256, none of ! < > \' & " \\)', () => {
  it('accepts strings without forbidden characters up to 256', () => {
    const safe = fc
      .string({ maxLength: 256 })
      .filter((s) => !DESCRIPTION_FORBIDDEN.some((c) => s.includes(c)));
    fc.assert(fc.property(safe, (s) => descriptionRule.safeParse(s).success));
  });
  it('refuses any string containing a forbidden character', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.constantFrom(...DESCRIPTION_FORBIDDEN),
        fc.string({ maxLength: 100 }),
        (a, c, b) => !descriptionRule.safeParse(a + c + b).success,
      ),
    );
  });
  it('refuses 257 characters', () => {
    expect(descriptionRule.safeParse('x'.repeat(257)).error?.issues[0]?.message).toBe(
      'wizard.rule.descriptionLength',
    );
  });
});

describe('tags (≤20, key ≤36, value ≤43, unique keys)', () => {
  const tagChar = fc.constantFrom(...nameChars);
  const key = fc.array(tagChar, { minLength: 1, maxLength: 36 }).map((a) => a.join(''));
  const value = fc.array(tagChar, { maxLength: 43 }).map((a) => a.join(''));
  it('accepts up to 20 tags with unique keys', () => {
    const tags = fc.uniqueArray(fc.record({ key, value }), { maxLength: 20, selector: (t) => t.key });
    fc.assert(fc.property(tags, (t) => tagsRule.safeParse(t).success));
  });
  it('flags a duplicate key at the second occurrence', () => {
    fc.assert(
      fc.property(key, value, value, (k, v1, v2) => {
        const r = tagsRule.safeParse([
          { key: k, value: v1 },
          { key: k, value: v2 },
        ]);
        return fieldErrors(r.error)['1.key'] === 'wizard.rule.tagDuplicate';
      }),
    );
  });
  it('refuses 21 tags, a 37-character key, a 44-character value', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: '' }));
    expect(tagsRule.safeParse(many).success).toBe(false);
    expect(fieldErrors(tagsRule.safeParse([{ key: 'k'.repeat(37), value: '' }]).error)['0.key']).toBe(
      'wizard.rule.tagKeyLength',
    );
    expect(fieldErrors(tagsRule.safeParse([{ key: 'k', value: 'v'.repeat(44) }]).error)['0.value']).toBe(
      'wizard.rule.tagValueLength',
    );
  });
});

describe('expiry days 14–100', () => {
  it('accepts exactly the integers 14..100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        (d) => expiredDaysRule.safeParse(d).success === (d >= 14 && d <= 100),
      ),
    );
    expect(expiredDaysRule.safeParse(20.5).success).toBe(false);
  });
});

describe('basics across fields', () => {
  const ok = {
    ...defaultBasics,
    name: 'mig-01',
    subnetId: '352ad828-3467-4f03-987a-c55a5a9dd417',
    targetRegion: 'region-1',
    targetInstId: 'inst-1',
  };
  it('accepts a valid MySQL migration', () => {
    expect(basicsSchema.safeParse(ok).success).toBe(true);
  });
  it('DR: no vpc, only FULL_INCR_TRANS, only the DR engine', () => {
    const errs = fieldErrors(
      basicsSchema.safeParse({ ...ok, scenario: 'cloudDataGuard', netType: 'vpc', taskMode: 'FULL_TRANS' })
        .error,
    );
    expect(errs.netType).toBe('wizard.rule.netTypeDr');
    expect(errs.taskMode).toBe('wizard.rule.taskModeDr');
    expect(errs.engine).toBe('wizard.rule.engineScenario');
  });
  it('refuses a subnet that is not a UUID', () => {
    expect(fieldErrors(basicsSchema.safeParse({ ...ok, subnetId: 'subnet-1' }).error).subnetId).toBe(
      'wizard.rule.uuid',
    );
  });
});

describe('connections', () => {
  const c = { ...emptyConnection, ip: '10.0.0.1', user: 'root', password: 'secret' };
  it('ports 1–65535, vpc needs vpc and subnet, SSL needs a certificate, .p12 a password', () => {
    expect(connectionSchemaFor('eip').safeParse(c).success).toBe(true);
    expect(fieldErrors(connectionSchemaFor('eip').safeParse({ ...c, port: 0 }).error).port).toBe(
      'wizard.rule.port',
    );
    const vpc = fieldErrors(connectionSchemaFor('vpc').safeParse(c).error);
    expect(Object.keys(vpc).sort()).toEqual(['subnetId', 'vpcId']);
    expect(fieldErrors(connectionSchemaFor('eip').safeParse({ ...c, sslLink: true }).error).sslCertName).toBe(
      'wizard.rule.sslCert',
    );
    const p12 = { ...c, sslLink: true, sslCertName: 'a.p12', sslCertKey: 'AA==', sslCertCheckSum: 'x' };
    expect(fieldErrors(connectionSchemaFor('eip').safeParse(p12).error).sslCertPassword).toBe(
      'wizard.rule.p12Password',
    );
  });
  it('endpoint db types per engine', () => {
    expect(endpointDbTypes('mysql')).toEqual({ so: 'mysql', ta: 'mysql' });
    expect(endpointDbTypes('cloudDataGuard-mysql')).toEqual({ so: 'mysql', ta: 'mysql' });
    expect(endpointDbTypes('oracle-to-gaussdbv5ha')).toEqual({ so: 'oracle', ta: 'gaussdbv5ha' });
  });
});
