import { z } from '../../../../lib/zod';

export const DETAIL_TABS = ['overview', 'progress', 'settings'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

const schema = z.object({
  tab: z.enum(DETAIL_TABS).catch('overview'),
  q: z.string().max(200).catch(''),
  objects: z.enum(['all', 'pending', 'done']).catch('all'),
});
export type TaskDetailSearch = z.output<typeof schema>;

/** `/tasks/:id?tab=progress&q=orders&objects=pending` → typed state; anything unknown falls back to the default. */
export function parseDetailSearch(params: URLSearchParams): TaskDetailSearch {
  return schema.parse({
    tab: params.get('tab') ?? undefined,
    q: params.get('q') ?? undefined,
    objects: params.get('objects') ?? undefined,
  });
}

/** The state → search params, leaving defaults out so URLs stay short. */
export function toDetailSearchParams(search: TaskDetailSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.tab !== 'overview') params.set('tab', search.tab);
  if (search.q) params.set('q', search.q);
  if (search.objects !== 'all') params.set('objects', search.objects);
  return params;
}
