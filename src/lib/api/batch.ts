import { explainErrorCode, type DrsErrorExplanation } from './errors';
import type { Language } from '../i18n';

/** One failed item of a batch answer, with its own code and what the code means. */
export interface BatchFailure<T> {
  item: T;
  /** The item's id (`id` or `job_id`), when it has one. */
  id: string | undefined;
  code: string | undefined;
  message: string | undefined;
}

export interface BatchOutcome<T> {
  successes: T[];
  failures: BatchFailure<T>[];
}

type Item = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Whether one `results[]` item failed. The service marks failures in several ways across operations:
 * `status: "failed"`, `status: "false"` (test connection), `success: false`, or any non-empty `error_code`.
 */
export function isFailedItem(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const r = item as Item;
  const code = text(r.error_code);
  if (code && code.toUpperCase() !== 'SUCCESS') return true;
  if (r.success === false) return true;
  const status = typeof r.status === 'string' ? r.status.toLowerCase() : undefined;
  return status === 'failed' || status === 'false' || status === 'failure';
}

/** Splits a batch answer's `results[]` into successes and failures, keeping every item intact. */
export function splitBatchResults<T>(results: readonly T[] | null | undefined): BatchOutcome<T> {
  const successes: T[] = [];
  const failures: BatchFailure<T>[] = [];
  for (const item of results ?? []) {
    if (!isFailedItem(item)) {
      successes.push(item);
      continue;
    }
    const r = item as Item;
    failures.push({
      item,
      id: text(r.id) ?? text(r.job_id),
      code: text(r.error_code)?.toUpperCase() === 'SUCCESS' ? undefined : text(r.error_code),
      message: text(r.error_msg) ?? text(r.error_message),
    });
  }
  return { successes, failures };
}

/** A failure with the meaning and fix of its code in one language, ready to show. */
export function explainFailure<T>(
  failure: BatchFailure<T>,
  language: Language,
): BatchFailure<T> & DrsErrorExplanation {
  return { ...failure, ...explainErrorCode(failure.code, language) };
}
