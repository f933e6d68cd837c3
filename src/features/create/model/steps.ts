import { z } from '../../../lib/zod';

export const STEPS = [
  'basics',
  'connections',
  'objects',
  'processing',
  'parameters',
  'precheck',
  'confirm',
] as const;
export type StepKey = (typeof STEPS)[number];
export const stepSchema = z.enum(STEPS);

export const stepPath = (jobId: string, step: StepKey) => `/create/${encodeURIComponent(jobId)}/${step}`;
