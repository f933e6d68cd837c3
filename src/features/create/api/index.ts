import { useMutation } from '@tanstack/react-query';
import { drs, P, rootKeys, shouldRetryMutation, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody } from '../../../lib/api';

/** Creating and configuring tasks (4.1.1–4.1.5). All writes; connection tests change nothing on the server side. */

export const createKeys = {
  all: rootKeys.create,
};

/** 4.1.1 batchCreateJobs — the new tasks appear in the task list. */
export const batchCreateJobs = (body: OpBody<'batchCreateJobs'>) =>
  unwrap(
    'batchCreateJobs',
    drs().POST('/v3/{project_id}/jobs/batch-creation', { params: { path: P }, body }),
  );
export const useBatchCreateJobs = () => useDrsMutation(batchCreateJobs, () => [rootKeys.tasks]);

/** 4.1.2 batchTestConnections — results per endpoint (`status: "true"|"false"`, `success`, `error_code`). */
export const batchTestConnections = (body: OpBody<'batchTestConnections'>) =>
  unwrap(
    'batchTestConnections',
    drs().POST('/v3/{project_id}/jobs/batch-connection', { params: { path: P }, body }),
  );
export const useBatchTestConnections = () =>
  useMutation({ mutationFn: batchTestConnections, retry: shouldRetryMutation });

/** 4.1.3 batchTestClusterConnections (like 4.1.2: a refused token is tried once more, nothing else) */
export const batchTestClusterConnections = (body: OpBody<'batchTestClusterConnections'>) =>
  unwrap(
    'batchTestClusterConnections',
    drs().POST('/v3/{project_id}/jobs/cluster/batch-connection', { params: { path: P }, body }),
  );
export const useBatchTestClusterConnections = () =>
  useMutation({ mutationFn: batchTestClusterConnections, retry: shouldRetryMutation });

/** 4.1.4 batchModifyJobs — changes the task's configuration (details, status). */
export const batchModifyJobs = (body: OpBody<'batchModifyJobs'>) =>
  unwrap(
    'batchModifyJobs',
    drs().PUT('/v3/{project_id}/jobs/batch-modification', { params: { path: P }, body }),
  );
export const useBatchModifyJobs = () => useDrsMutation(batchModifyJobs, () => [rootKeys.tasks]);

/** 4.1.5 batchSelectObjects */
export const batchSelectObjects = (body: OpBody<'batchSelectObjects'>) =>
  unwrap(
    'batchSelectObjects',
    drs().PUT('/v3/{project_id}/jobs/batch-select-objects', { params: { path: P }, body }),
  );
export const useBatchSelectObjects = () => useDrsMutation(batchSelectObjects, () => [rootKeys.tasks]);
