import { Navigate, type RouteObject } from 'react-router';
import { PageLoader } from './PageLoader';
import { RouterErrorPage } from './RouteErrorBoundary';
import { Shell } from './Shell';

/**
 * The route table. Every page is a lazy route, so its code (and Recharts, used by later pages) is fetched when
 * the page is first visited, not with the first page.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouterErrorPage />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      {
        path: 'tasks',
        lazy: () => import('../features/tasks/routes/TasksPage').then((m) => ({ Component: m.TasksPage })),
      },
      {
        path: 'create',
        lazy: () => import('../features/create/routes/CreatePage').then((m) => ({ Component: m.CreatePage })),
      },
      {
        path: 'comparisons',
        lazy: () =>
          import('../features/comparison/routes/ComparisonsPage').then((m) => ({
            Component: m.ComparisonsPage,
          })),
      },
      {
        path: 'dr',
        lazy: () => import('../features/dr/routes/DrPage').then((m) => ({ Component: m.DrPage })),
      },
      { path: '*', lazy: () => import('./NotFoundPage').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];
