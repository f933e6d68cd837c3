import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { shouldRetryMutation } from './query';

/**
 * A write: never retried automatically (the app default for mutations), except once when the service refused the
 * token before doing anything (`shouldRetryMutation`); on settle it
 * invalidates the query keys it affects, so lists, statuses and details refresh.
 */
export function useDrsMutation<TVars, TData>(
  mutationFn: (vars: TVars) => Promise<TData>,
  invalidates: (vars: TVars, data: TData | undefined) => readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVars>({
    mutationFn,
    retry: shouldRetryMutation,
    onSettled: async (data, _error, vars) => {
      await Promise.all(
        invalidates(vars, data).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
