/**
 * The handler registry: operationId (api/README.md) → Handler. Add a module's `handlers` map here.
 * An operation without a handler answers HTTP 400 DRS.M00007 (http.ts), never a 500.
 */
import type { HandlerMap } from '../types';
import { handlers as comparison } from './comparison';
import { handlers as dr } from './dr';
import { handlers as jobs } from './jobs';
import { handlers as params } from './params';
import { handlers as precheck } from './precheck';

export const registry: HandlerMap = {
  ...jobs,
  ...precheck,
  ...params,
  ...comparison,
  ...dr,
};
