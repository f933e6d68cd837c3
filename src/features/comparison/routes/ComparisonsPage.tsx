import { PlaceholderPage } from '../../../components/PlaceholderPage';

export function ComparisonsPage() {
  return <PlaceholderPage section="comparisons" />;
}
