import { useQuery, useQueryClient } from '@tanstack/react-query';
import { comparisonKeys, contentDetailQuery, contentDifferenceQuery, lineDetailQuery } from '../../api';
import type { DataKind } from '../../model/report';

/** Rows are totalled in the browser only up to this many tables (at most 5 requests of 1000). */
export const ROW_TOTALS_MAX_TABLES = 5000;
const PAGE = 1000;

export interface RowTotals {
  /** Source rows of all compared tables; null = too many tables to total here. */
  rowsCompared: number | null;
  /** Rows differing: row-count differences (row comparison) or differing rows (4.1.32 count, value comparison). */
  rowsDiffering: number | null;
}

/**
 * Rows compared and differing for the summary. The overviews count tables only, so the rows come from the table
 * details: read in pages of 1000 when the comparison has at most ROW_TOTALS_MAX_TABLES tables (the browser's work
 * stays bounded for a 50,000-table comparison, which shows "too many" instead). Read once the run is final.
 */
export function useRowTotals(
  ids: { jobId: string; compareJobId: string },
  kind: DataKind | undefined,
  tables: number | undefined,
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...comparisonKeys.job(ids.jobId), ids.compareJobId, 'row-totals', kind, tables] as const,
    enabled: enabled && kind !== undefined && tables !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<RowTotals> => {
      const withinLimit = (tables ?? 0) <= ROW_TOTALS_MAX_TABLES;
      let rowsCompared: number | null = null;
      let rowsDiffering: number | null = null;
      if (kind === 'lines') {
        if (!withinLimit) return { rowsCompared, rowsDiffering };
        rowsCompared = 0;
        rowsDiffering = 0;
        for (let offset = 0; offset < (tables ?? 0); offset += PAGE) {
          const page = await queryClient.fetchQuery(lineDetailQuery(ids, { limit: PAGE, offset }));
          const items = page.table_line_compare_result_infos ?? [];
          for (const i of items) {
            rowsCompared += i.source_row_num ?? 0;
            rowsDiffering += Math.abs(i.difference_row_num ?? 0);
          }
          if (items.length < PAGE) break;
        }
        return { rowsCompared, rowsDiffering };
      }
      const diff = await queryClient.fetchQuery(contentDifferenceQuery(ids, { limit: 1, offset: 0 }));
      rowsDiffering = diff.count ?? 0;
      if (withinLimit) {
        rowsCompared = 0;
        for (let offset = 0; offset < (tables ?? 0); offset += PAGE) {
          const page = await queryClient.fetchQuery(contentDetailQuery(ids, { limit: PAGE, offset }));
          const items = page.content_compare_result_infos ?? [];
          for (const i of items) rowsCompared += i.source_row_num ?? 0;
          if (items.length < PAGE) break;
        }
      }
      return { rowsCompared, rowsDiffering };
    },
  });
}
