/**
 * Which pre-check mode (4.1.6 `precheck_mode`) fits a task status: `forStartJob` before the first start
 * (CONFIGURATION), `forRetryJob` for paused, failed or replicating tasks; `undefined` when the service refuses a
 * pre-check in that status (DRS.M00304).
 */
export type PrecheckMode = 'forStartJob' | 'forRetryJob';

const RETRY_STATUSES = new Set([
  'PAUSING',
  'INCRE_TRANSFER_STARTED',
  'FULL_TRANSFER_COMPLETE',
  'CHILD_TRANSFER_STARTED',
]);

export function precheckModeFor(status: string | undefined): PrecheckMode | undefined {
  if (status === 'CONFIGURATION') return 'forStartJob';
  if (!status || status === 'CREATE_FAILED') return undefined;
  if (RETRY_STATUSES.has(status) || status.endsWith('_FAILED')) return 'forRetryJob';
  return undefined;
}
