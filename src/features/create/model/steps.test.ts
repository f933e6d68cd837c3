import { describe, expect, it } from 'vitest';
import {
  furthestStep,
  isReachable,
  NOT_CREATED,
  STEPS,
  stepAfter,
  stepBefore,
  stepPath,
  type StepProgress,
} from './steps';

const reachable = (p: StepProgress) => STEPS.filter((s) => isReachable(s, p));

describe('wizard steps: one order, one set of gates', () => {
  it('opens the steps one gate at a time', () => {
    expect(reachable(NOT_CREATED)).toEqual(['basics']);
    const created = { ...NOT_CREATED, created: true };
    expect(reachable(created)).toEqual(['basics', 'connections']);
    expect(reachable({ ...created, connSaved: true })).toEqual(['basics', 'connections', 'objects']);
    const configured = { ...created, connSaved: true, objectsDone: true };
    expect(reachable(configured)).toEqual(STEPS.filter((s) => s !== 'confirm'));
    expect(reachable({ ...configured, precheckOk: true })).toEqual([...STEPS]);
    // a passed pre-check does not open steps whose gates before it are closed
    expect(reachable({ ...created, precheckOk: true })).toEqual(['basics', 'connections']);
  });

  it('resumes at the first unsaved step, else at the pre-check', () => {
    expect(furthestStep(NOT_CREATED)).toBe('basics');
    expect(furthestStep({ ...NOT_CREATED, created: true })).toBe('connections');
    expect(furthestStep({ ...NOT_CREATED, created: true, connSaved: true })).toBe('objects');
    const all = { created: true, connSaved: true, objectsDone: true, precheckOk: true };
    expect(furthestStep(all)).toBe('precheck');
  });

  it('walks the order and builds the URL', () => {
    expect(stepAfter('processing')).toBe('parameters');
    expect(stepBefore('precheck')).toBe('parameters');
    expect(stepAfter('confirm')).toBe('confirm');
    expect(stepBefore('basics')).toBe('basics');
    expect(stepPath('a/b', 'objects')).toBe('/create/a%2Fb/objects');
  });
});
