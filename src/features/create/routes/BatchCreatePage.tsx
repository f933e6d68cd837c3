import { PlaceholderPage } from '../../../components/PlaceholderPage';

/** `/create/batch` — STUB, built by the batch-creation work (issue 6). */
export function BatchCreatePage() {
  return <PlaceholderPage section="create" />;
}
