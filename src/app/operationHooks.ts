import type { OperationId } from '../lib/api/types';
import * as comparison from '../features/comparison/api';
import * as create from '../features/create/api';
import * as dr from '../features/dr/api';
import * as migration from '../features/migration/api';
import * as precheck from '../features/precheck/api';
import * as sync from '../features/sync/api';
import * as tasks from '../features/tasks/api';

/**
 * Every operation of the API document → the react-query hook the console uses for it. Typed as a full Record over
 * the generated operationIds, so a new operation without a hook fails the type check; a test checks it against
 * api/README.md too.
 *
 * `createToken` (IAM, 3.2) has no browser hook on purpose: the proxy obtains and injects tokens, and a token
 * never reaches the browser.
 */
export const operationHooks: Record<OperationId, ((...args: never[]) => unknown) | null> = {
  createToken: null,
  batchCreateJobs: create.useBatchCreateJobs,
  batchTestConnections: create.useBatchTestConnections,
  batchTestClusterConnections: create.useBatchTestClusterConnections,
  batchModifyJobs: create.useBatchModifyJobs,
  batchSelectObjects: create.useBatchSelectObjects,
  batchPrecheck: precheck.useBatchPrecheck,
  batchQueryPrecheckResults: precheck.useBatchQueryPrecheckResults,
  batchSetSpeedLimit: tasks.useBatchSetSpeedLimit,
  batchGetParams: tasks.useBatchGetParams,
  updateParams: tasks.useUpdateParams,
  batchStartJobs: tasks.useBatchStartJobs,
  batchRetryJobs: tasks.useBatchRetryJobs,
  batchPauseJobs: tasks.useBatchPauseJobs,
  batchDeleteJobs: tasks.useBatchDeleteJobs,
  batchModifyPasswords: tasks.useBatchModifyPasswords,
  batchReplaceDefiner: tasks.useBatchReplaceDefiner,
  createCompareTask: comparison.useCreateCompareTask,
  queryCompareResult: comparison.useQueryCompareResult,
  batchQueryProgress: tasks.useBatchQueryProgress,
  listJobs: tasks.useListJobs,
  batchQueryJobDetails: tasks.useBatchQueryJobDetails,
  batchQueryJobStatus: tasks.useBatchQueryJobStatus,
  listNodeTypes: tasks.useListNodeTypes,
  listTableCompareTasks: comparison.useListTableCompareTasks,
  createTableCompareTask: comparison.useCreateTableCompareTask,
  cancelCompareTask: comparison.useCancelCompareTask,
  startTableCompareTaskNow: comparison.useStartTableCompareTaskNow,
  getLineCompareOverview: comparison.useGetLineCompareOverview,
  getLineCompareDetail: comparison.useGetLineCompareDetail,
  getContentCompareOverview: comparison.useGetContentCompareOverview,
  getContentCompareDetail: comparison.useGetContentCompareDetail,
  getContentCompareDifference: comparison.useGetContentCompareDifference,
  createObjectCompareTask: comparison.useCreateObjectCompareTask,
  getObjectCompareOverview: comparison.useGetObjectCompareOverview,
  getObjectCompareDetail: comparison.useGetObjectCompareDetail,
  exportCompareResultFile: comparison.useExportCompareResultFile,
  downloadCompareResultFile: comparison.useDownloadCompareResultFile,
  batchUpdateMigrationUsers: migration.useBatchUpdateMigrationUsers,
  listSourceUsers: migration.useListSourceUsers,
  batchSetTransformation: sync.useBatchSetTransformation,
  batchSetSyncPolicy: sync.useBatchSetSyncPolicy,
  batchSwitchover: dr.useBatchSwitchover,
  batchQueryRpoRto: dr.useBatchQueryRpoRto,
  getDrMonitoringData: dr.useGetDrMonitoringData,
  batchQueryStructProcess: dr.useBatchQueryStructProcess,
  batchQueryStructDetail: dr.useBatchQueryStructDetail,
};

/** Operations the browser deliberately never calls. */
export const OPERATIONS_WITHOUT_HOOK: readonly OperationId[] = ['createToken'];
