import { queryOptions, useQuery } from '@tanstack/react-query';
import { drs, P, rootKeys, unwrap, useDrsMutation } from '../../../lib/api';
import type { OpBody } from '../../../lib/api';

/** Users and roles of migration tasks (4.2.1, 4.2.2). */

export const migrationKeys = {
  all: rootKeys.migration,
  sourceUsers: (jobId: string) => [...migrationKeys.all, 'source-users', jobId] as const,
};

/** 4.2.2 listSourceUsers */
export const sourceUsersQuery = (jobId: string) =>
  queryOptions({
    queryKey: migrationKeys.sourceUsers(jobId),
    queryFn: ({ signal }) =>
      unwrap(
        'listSourceUsers',
        drs().GET('/v3/{project_id}/jobs/{job_id}/get-src-user', {
          params: { path: { ...P, job_id: jobId } },
          signal,
        }),
      ),
    enabled: jobId !== '',
  });
export const useListSourceUsers = (jobId: string) => useQuery(sourceUsersQuery(jobId));

/** 4.2.1 batchUpdateMigrationUsers */
export const batchUpdateMigrationUsers = (body: OpBody<'batchUpdateMigrationUsers'>) =>
  unwrap(
    'batchUpdateMigrationUsers',
    drs().PUT('/v3/{project_id}/jobs/batch-update-user', { params: { path: P }, body }),
  );
export const useBatchUpdateMigrationUsers = () =>
  useDrsMutation(batchUpdateMigrationUsers, () => [migrationKeys.all]);
