import { PlaceholderPage } from '../../../components/PlaceholderPage';

export function CreatePage() {
  return <PlaceholderPage section="create" />;
}
