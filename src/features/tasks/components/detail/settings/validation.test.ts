import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmNotifyBody, alarmSchema, basicsSchema, fieldErrors, splitList, tagsSchema } from './validation';

const alarm = (patch: Partial<Parameters<typeof alarmSchema.parse>[0]>) => ({
  delayTime: '',
  rpoDelay: '',
  rtoDelay: '',
  alarmToUser: false,
  sms: '',
  email: '',
  ...patch,
});

describe('settings validation mirrors the API rules', () => {
  it('accepts every threshold in 1–3600 and refuses everything outside (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const ok = alarmSchema.safeParse(alarm({ delayTime: String(n) })).success;
        expect(ok).toBe(n >= 1 && n <= 3600);
      }),
    );
    expect(alarmSchema.safeParse(alarm({ rpoDelay: '12.5' })).success).toBe(false);
    expect(alarmSchema.safeParse(alarm({})).success).toBe(true);
  });

  it('limits subscribers to 10 valid e-mail addresses / mobile numbers and builds the body', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join(',');
    expect(fieldErrors(alarmSchema.safeParse(alarm({ email: eleven })).error)).toEqual({
      email: 'taskDetail.validation.subscriberCount',
    });
    expect(fieldErrors(alarmSchema.safeParse(alarm({ sms: '+8613800000000, call-me' })).error)).toEqual({
      sms: 'taskDetail.validation.phone',
    });
    const values = alarm({ delayTime: '60', sms: '+8613800000000', email: 'a@example.com\nb@example.com' });
    expect(alarmNotifyBody(alarmSchema.parse(values))).toEqual({
      delay_time: 60,
      rpo_delay: 0,
      rto_delay: 0,
      alarm_to_user: false,
      subscriptions: [
        { protocol: 'sms', endpoints: ['+8613800000000'] },
        { protocol: 'email', endpoints: ['a@example.com', 'b@example.com'] },
      ],
    });
    expect(splitList(' a, b ;c\n')).toEqual(['a', 'b', 'c']);
  });

  it('task names: 4–50 characters starting with a letter (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const ok = basicsSchema.shape.name.safeParse(name).success;
        expect(ok).toBe(/^[A-Za-z][A-Za-z0-9_-]{3,49}$/.test(name.trim()));
      }),
    );
  });

  it('descriptions: at most 256 characters, none of ! < > \' & " \\', () => {
    expect(basicsSchema.shape.description.safeParse('a'.repeat(256)).success).toBe(true);
    expect(basicsSchema.shape.description.safeParse('a'.repeat(257)).success).toBe(false);
    for (const c of ['!', '<', '>', "'", '&', '"', '\\'])
      expect(basicsSchema.shape.description.safeParse(`x${c}y`).success).toBe(false);
  });

  it('tags: at most 20, unique keys, key 1–36 and value ≤ 43 of letters, digits, - and _', () => {
    const tag = (key: string, value = 'v') => ({ key, value });
    expect(tagsSchema.safeParse(Array.from({ length: 20 }, (_, i) => tag(`k${i}`))).success).toBe(true);
    expect(tagsSchema.safeParse(Array.from({ length: 21 }, (_, i) => tag(`k${i}`))).success).toBe(false);
    expect(fieldErrors(tagsSchema.safeParse([tag('env'), tag('env')]).error)).toEqual({
      '1.key': 'taskDetail.validation.tagDuplicate',
    });
    expect(tagsSchema.safeParse([tag('k'.repeat(37))]).success).toBe(false);
    expect(tagsSchema.safeParse([tag('k', 'v'.repeat(44))]).success).toBe(false);
    expect(tagsSchema.safeParse([tag('a b')]).success).toBe(false);
    expect(tagsSchema.safeParse([tag('')]).success).toBe(false);
    expect(tagsSchema.safeParse([tag('team', '')]).success).toBe(true);
  });
});
