import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { auditSearchSchema } from '@/app/features/audit/audit-search'
import { rootRoute } from '@/app/routes/root'

/** `/audit` (admins): the audit trail. Its URL contract is `auditSearchSchema`. */
export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/audit',
  validateSearch: auditSearchSchema,
  component: lazyRouteComponent(() => import('@/app/features/audit/audit-page'), 'AuditPage'),
})
