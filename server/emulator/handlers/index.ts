/**
 * The handler registry: operationId (api/README.md) → Handler. Add a module's `handlers` map here.
 * An operation without a handler answers HTTP 400 DRS.M00007 (http.ts), never a 500.
 */
import type { HandlerMap } from '../types';
import { handlers as jobs } from './jobs';

export const registry: HandlerMap = {
  ...jobs,
  // E2: ...precheck, ...params, ...comparison, ...dr
};
