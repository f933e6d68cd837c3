import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './Shell';

/**
 * The route table. Every page is a lazy component, so its code (and Recharts, used by later pages) is fetched when
 * the page is first visited, not with the first page. Declarative routes (not the data router) keep the first
 * page's bundle small; data comes from react-query, not route loaders. The Shell wraps each page in Suspense and
 * an error boundary that resets on navigation.
 */
const TasksPage = lazy(() =>
  import('../features/tasks/routes/TasksPage').then((m) => ({ default: m.TasksPage })),
);
const TaskDetailPage = lazy(() =>
  import('../features/tasks/routes/TaskDetailPage').then((m) => ({ default: m.TaskDetailPage })),
);
const PrecheckPage = lazy(() =>
  import('../features/precheck/routes/PrecheckPage').then((m) => ({ default: m.PrecheckPage })),
);
const BatchCreatePage = lazy(() =>
  import('../features/create/routes/BatchCreatePage').then((m) => ({ default: m.BatchCreatePage })),
);
const CreatePage = lazy(() =>
  import('../features/create/routes/CreatePage').then((m) => ({ default: m.CreatePage })),
);
const ComparisonsPage = lazy(() =>
  import('../features/comparison/routes/ComparisonsPage').then((m) => ({ default: m.ComparisonsPage })),
);
const DrPage = lazy(() => import('../features/dr/routes/DrPage').then((m) => ({ default: m.DrPage })));
const NotFoundPage = lazy(() => import('./NotFoundPage').then((m) => ({ default: m.NotFoundPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/tasks" replace />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/:id" element={<TaskDetailPage />} />
        <Route path="tasks/:id/precheck" element={<PrecheckPage />} />
        <Route path="tasks/:id/comparisons" element={<ComparisonsPage />} />
        <Route path="create" element={<CreatePage />} />
        <Route path="create/batch" element={<BatchCreatePage />} />
        <Route path="create/:jobId/:step?" element={<CreatePage />} />
        <Route path="comparisons" element={<ComparisonsPage />} />
        <Route path="dr" element={<DrPage />} />
        <Route path="dr/:id" element={<DrPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
