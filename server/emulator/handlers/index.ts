/**
 * The handler registry: operationId (api/README.md) → Handler. Add a module's `handlers` map here.
 * An operation without a handler answers HTTP 400 DRS.M00007 (http.ts), never a 500.
 */
import type { HandlerMap } from '../types.ts';
import { handlers as comparison } from './comparison.ts';
import { handlers as dr } from './dr.ts';
import { handlers as jobs } from './jobs.ts';
import { handlers as params } from './params.ts';
import { handlers as precheck } from './precheck.ts';

export const registry: HandlerMap = {
  ...jobs,
  ...precheck,
  ...params,
  ...comparison,
  ...dr,
};
