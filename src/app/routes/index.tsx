import { createRoute, redirect } from '@tanstack/react-router'
import { rootRoute } from '@/app/routes/root'

export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/conversations', replace: true })
  },
})
