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
export {
  createQueryClient,
  shouldRetryQuery,
  shouldRetryMutation,
  isTokenRejected,
  FailureEpisodes,
} from './query';
export {
  pollUntil,
  backoffInterval,
  consecutiveFailures,
  DEFAULT_POLL_MS,
  MAX_POLL_BACKOFF_MS,
} from './polling';
export type { PollOptions, PolledQuery } from './polling';
export { useDrsMutation } from './mutation';
export type { OperationId, OpBody, OpData, OpQuery, OpPath } from './types';
export { rootKeys } from './keys';
