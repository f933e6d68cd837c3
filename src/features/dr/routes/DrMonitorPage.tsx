import { PlaceholderPage } from '../../../components/PlaceholderPage';

/** `/dr/:id` — one DR task's live RPO/RTO and metric charts. */
export function DrMonitorPage() {
  return <PlaceholderPage section="dr" />;
}
