import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '@/app/routes/root'

/**
 * `/users` (admins): the accounts. The page reads them and shows its own pending and error
 * states: the route has no loader, so nothing of it weighs on the first script (decision 015).
 */
export const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('@/app/features/users/users-page'), 'UsersPage'),
})
