import { PlaceholderPage } from '../../../components/PlaceholderPage';

/** `/tasks/:id/precheck` — STUB, built by the pre-check work (issue 6). */
export function PrecheckPage() {
  return <PlaceholderPage section="create" />;
}
