import { drs, P, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody } from '../../../lib/api';

/** Synchronization settings (4.3.1, 4.3.2): writes that change task details. */

export const syncKeys = { all: rootKeys.sync };

/** 4.3.1 batchSetTransformation */
export const batchSetTransformation = (body: OpBody<'batchSetTransformation'>) =>
  unwrap(
    'batchSetTransformation',
    drs().POST('/v3/{project_id}/jobs/batch-transformation', { params: { path: P }, body }),
  );
export const useBatchSetTransformation = () =>
  useDrsMutation(batchSetTransformation, () => [syncKeys.all, rootKeys.tasks]);

/** 4.3.2 batchSetSyncPolicy */
export const batchSetSyncPolicy = (body: OpBody<'batchSetSyncPolicy'>) =>
  unwrap(
    'batchSetSyncPolicy',
    drs().POST('/v3/{project_id}/jobs/batch-sync-policy', { params: { path: P }, body }),
  );
export const useBatchSetSyncPolicy = () =>
  useDrsMutation(batchSetSyncPolicy, () => [syncKeys.all, rootKeys.tasks]);
