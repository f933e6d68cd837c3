import { useParams } from 'react-router';
import { PlaceholderPage } from '../../../components/PlaceholderPage';

/** `/tasks/:id` — STUB, built by the task-detail work (issue 5). */
export function TaskDetailPage() {
  const { id } = useParams();
  return <PlaceholderPage section="create" key={id} />;
}
