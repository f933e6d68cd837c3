import { useParams } from 'react-router';
import { AllComparisonsView } from '../components/history/AllComparisonsView';
import { TaskHistoryView } from '../components/history/TaskHistoryView';

/**
 * `/tasks/:id/comparisons` — one task's comparison history, new comparisons, cancel / start now;
 * `/comparisons` — the latest comparisons across the project's tasks and a task picker.
 */
export function ComparisonsPage() {
  const { id } = useParams();
  return id ? <TaskHistoryView key={id} taskId={id} /> : <AllComparisonsView />;
}
