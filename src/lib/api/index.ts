export {
  createDrsClient,
  drs,
  setDrsClient,
  unwrap,
  P,
  PROJECT_PLACEHOLDER,
  rewriteProjectPath,
} from './client';
export type { DrsClient, DrsClientOptions } from './client';
export { DrsApiError, isDrsApiError, explainErrorCode, lookupErrorCode, errorFieldsOf } from './errors';
export type { DrsErrorKind, DrsErrorExplanation } from './errors';
export { splitBatchResults, isFailedItem, explainFailure } from './batch';
export type { BatchOutcome, BatchFailure } from './batch';
export { createQueryClient, shouldRetryQuery, FailureEpisodes } from './query';
export { pollUntil, DEFAULT_POLL_MS } from './polling';
export { useDrsMutation } from './mutation';
export type { OperationId, OpBody, OpData, OpQuery, OpPath } from './types';
export { rootKeys } from './keys';
