/**
 * In-app notifications without putting @mantine/notifications on the first page: the module (store and container)
 * loads on first use, as the container itself does (see AppProviders). Calls keep their order: every call waits
 * on the same import promise, so a hide issued after a show runs after it.
 */
type Notifications = (typeof import('@mantine/notifications'))['notifications'];
type ShowData = Parameters<Notifications['show']>[0];

let loading: Promise<Notifications> | undefined;
const load = () => (loading ??= import('@mantine/notifications').then((m) => m.notifications));

export const notify = {
  show: (data: ShowData): void => void load().then((n) => n.show(data)),
  hide: (id: string): void => void load().then((n) => n.hide(id)),
};
