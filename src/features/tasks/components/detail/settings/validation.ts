import { z } from '../../../../../lib/zod';

/**
 * The rules of the settings that can change after creation, mirroring the API (4.1.4, 4.1.15). Messages are i18n
 * keys under `taskDetail.validation`, shown by the forms with `t()`.
 */

const V = 'taskDetail.validation.';

/** 4.1.1/4.1.4 task name: 4–50 characters, starts with a letter; letters, digits, `_`, `-`. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, V + 'nameRequired')
  .regex(/^[A-Za-z][A-Za-z0-9_-]{3,49}$/, V + 'name');

/** 4.1.4 description: at most 256 characters, none of ! < > ' & " \ . */
export const descriptionSchema = z
  .string()
  .max(256, V + 'descriptionLength')
  .regex(/^[^!<>'&"\\]*$/, V + 'descriptionChars');

const TAG_TEXT = /^[A-Za-z0-9_-]*$/;
/** Table 4-33: key 1–36, value 0–43 characters; letters, digits, `_`, `-`; at most 20 tags; keys unique. */
export const tagSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, V + 'tagKeyRequired')
    .max(36, V + 'tagKeyLength')
    .regex(TAG_TEXT, V + 'tagChars'),
  value: z
    .string()
    .trim()
    .max(43, V + 'tagValueLength')
    .regex(TAG_TEXT, V + 'tagChars'),
});
export const tagsSchema = z
  .array(tagSchema)
  .max(20, V + 'tagCount')
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((tag, index) => {
      const key = tag.key.trim();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: V + 'tagDuplicate', path: [index, 'key'] });
      seen.add(key);
    });
  });

export const basicsSchema = z.object({ name: nameSchema, description: descriptionSchema, tags: tagsSchema });
export type BasicsValues = z.input<typeof basicsSchema>;

/** Table 4-29: thresholds in seconds, 1–3600; empty means "not set" (sent as 0, the documented default). */
const threshold = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3600), V + 'threshold');

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const PHONE = /^\+?[0-9]{5,20}$/;

/** Splits a subscriber field on commas, semicolons, spaces and new lines. */
export const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const subscribers = (pattern: RegExp, invalid: string) =>
  z
    .string()
    .refine((v) => splitList(v).length <= 10, V + 'subscriberCount')
    .refine((v) => splitList(v).every((s) => pattern.test(s)), V + invalid);

export const alarmSchema = z.object({
  delayTime: threshold,
  rpoDelay: threshold,
  rtoDelay: threshold,
  alarmToUser: z.boolean(),
  sms: subscribers(PHONE, 'phone'),
  email: subscribers(EMAIL, 'email'),
});
export type AlarmValues = z.input<typeof alarmSchema>;

/** The `alarm_notify` body of 4.1.4 from valid form values: at most one subscription per protocol (two in all). */
export function alarmNotifyBody(values: AlarmValues) {
  const n = (v: string) => (v.trim() === '' ? 0 : Number(v));
  const subscriptions: Array<{ protocol: 'sms' | 'email'; endpoints: string[] }> = [];
  if (splitList(values.sms).length > 0)
    subscriptions.push({ protocol: 'sms', endpoints: splitList(values.sms) });
  if (splitList(values.email).length > 0)
    subscriptions.push({ protocol: 'email', endpoints: splitList(values.email) });
  return {
    delay_time: n(values.delayTime),
    rpo_delay: n(values.rpoDelay),
    rto_delay: n(values.rtoDelay),
    alarm_to_user: values.alarmToUser,
    subscriptions,
  };
}

/** 4.1.15: the new password is required (min length 1); it is sent once and never kept. */
export const passwordSchema = z.object({
  endPointType: z.enum(['so', 'ta']),
  password: z.string().min(1, V + 'passwordRequired'),
});

/** Field path → first message key, for showing next to the inputs (the wizard's helper: the same zod paths). */
export { fieldErrors } from '../../../../create/model/rules';
