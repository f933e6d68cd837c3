import { lazy, type ComponentType } from 'react';
import { loadFeatureMessages } from '../lib/i18n';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './Shell';

/**
 * The route table. Every page is a lazy component, so its code (and Recharts, used by later pages) is fetched when
 * the page is first visited, not with the first page. Declarative routes (not the data router) keep the first
 * page's bundle small; data comes from react-query, not route loaders. The Shell wraps each page in Suspense and
 * an error boundary that resets on navigation. A page loads together with the strings of the features it shows.
 */
function page<T extends ComponentType>(load: () => Promise<T>, features: string[]) {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadFeatureMessages(...features)]);
    return { default: component };
  });
}

const TasksPage = page(
  () => import('../features/tasks/routes/TasksPage').then((m) => m.TasksPage),
  ['tasks'],
);
const TaskDetailPage = page(
  () => import('../features/tasks/routes/TaskDetailPage').then((m) => m.TaskDetailPage),
  ['tasks'],
);
const PrecheckPage = page(
  () => import('../features/precheck/routes/PrecheckPage').then((m) => m.PrecheckPage),
  ['precheck', 'tasks'],
);
const BatchCreatePage = page(
  () => import('../features/create/routes/BatchCreatePage').then((m) => m.BatchCreatePage),
  ['create', 'tasks'],
);
const CreatePage = page(
  () => import('../features/create/routes/CreatePage').then((m) => m.CreatePage),
  ['create', 'precheck', 'tasks'],
);
const ComparisonsPage = page(
  () => import('../features/comparison/routes/ComparisonsPage').then((m) => m.ComparisonsPage),
  ['comparison', 'tasks'],
);
const ComparisonReportPage = page(
  () => import('../features/comparison/routes/ComparisonReportPage').then((m) => m.ComparisonReportPage),
  ['comparison', 'tasks'],
);
const DrPage = page(() => import('../features/dr/routes/DrPage').then((m) => m.DrPage), ['dr', 'tasks']);
const DrMonitorPage = page(
  () => import('../features/dr/routes/DrMonitorPage').then((m) => m.DrMonitorPage),
  ['dr', 'tasks'],
);
const NotFoundPage = page(() => import('./NotFoundPage').then((m) => m.NotFoundPage), []);

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<Navigate to="/tasks" replace />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/:id" element={<TaskDetailPage />} />
        <Route path="tasks/:id/precheck" element={<PrecheckPage />} />
        <Route path="tasks/:id/comparisons" element={<ComparisonsPage />} />
        <Route path="tasks/:id/comparisons/:compareId" element={<ComparisonReportPage />} />
        <Route path="create" element={<CreatePage />} />
        <Route path="create/batch" element={<BatchCreatePage />} />
        <Route path="create/:jobId/:step?" element={<CreatePage />} />
        <Route path="comparisons" element={<ComparisonsPage />} />
        <Route path="dr" element={<DrPage />} />
        <Route path="dr/:id" element={<DrMonitorPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
