/** Helpers shared by handler modules. */
import { DrsError } from '../errors.ts';
import type { RequestContext } from '../types.ts';

export interface ItemError {
  error_code: string;
  error_msg: string;
}

/**
 * Answers a `{ jobs: [...] }` batch per item: items that failed validation get their error, the others go
 * through `fn`; a DrsError thrown by `fn` becomes that item's error (message in the request's X-Language).
 * Returns the results in request order.
 */
export function eachJob<I, R extends object>(
  ctx: RequestContext,
  fn: (item: I, index: number) => R,
  onError: (item: I, index: number, error: ItemError) => R | (ItemError & Record<string, unknown>),
): Array<R | (ItemError & Record<string, unknown>)> {
  const jobs = (ctx.body?.jobs ?? []) as I[];
  return jobs.map((item, i) => {
    const pre = ctx.itemErrors.get(i);
    if (pre) return onError(item, i, pre.bodyIn(ctx.language));
    try {
      return fn(item, i);
    } catch (e) {
      if (e instanceof DrsError) return onError(item, i, e.bodyIn(ctx.language));
      throw e;
    }
  });
}
