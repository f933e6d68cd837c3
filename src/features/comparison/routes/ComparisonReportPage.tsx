import { PlaceholderPage } from '../../../components/PlaceholderPage';

/** `/tasks/:id/comparisons/:compareId` — one comparison's report (object, row or value level). */
export function ComparisonReportPage() {
  return <PlaceholderPage section="comparisons" />;
}
