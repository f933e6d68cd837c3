import { z } from '../../../lib/zod';

/**
 * The wizard's steps and the rules that say which one may be shown: the only place that knows the order and the
 * gates (used by the new-task page, the task wizard and its stepper).
 */
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

/** What a task has reached; each step needs the ones before it (4.1.1 → 4.1.4 → 4.1.5 → 4.1.6). */
export interface StepProgress {
  /** 4.1.1 done: the task exists (in CONFIGURATION) */
  created: boolean;
  /** 4.1.4 saved the tested endpoints */
  connSaved: boolean;
  /** 4.1.5 saved the objects, or the scenario has no object selection (DR) */
  objectsDone: boolean;
  /** the pre-check finished without FAILED items and its alarms were acknowledged */
  precheckOk: boolean;
}

/** A task not created yet: only the first step. */
export const NOT_CREATED: StepProgress = {
  created: false,
  connSaved: false,
  objectsDone: false,
  precheckOk: false,
};

export function isReachable(step: StepKey, p: StepProgress): boolean {
  switch (step) {
    case 'basics':
      return true;
    case 'connections':
      return p.created;
    case 'objects':
      return p.created && p.connSaved;
    case 'processing':
    case 'parameters':
    case 'precheck':
      return p.created && p.connSaved && p.objectsDone;
    case 'confirm':
      return p.created && p.connSaved && p.objectsDone && p.precheckOk;
  }
}

/** Where a resumed task continues: the first step whose work is not saved yet (else the pre-check). */
export function furthestStep(p: StepProgress): StepKey {
  if (!p.created) return 'basics';
  if (!p.connSaved) return 'connections';
  if (!p.objectsDone) return 'objects';
  return 'precheck';
}

/** The step after / before `step` in the order of STEPS (the same step at either end). */
export const stepAfter = (step: StepKey): StepKey =>
  STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
export const stepBefore = (step: StepKey): StepKey => STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;
