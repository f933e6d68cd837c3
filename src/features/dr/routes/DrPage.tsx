import { PlaceholderPage } from '../../../components/PlaceholderPage';

export function DrPage() {
  return <PlaceholderPage section="dr" />;
}
