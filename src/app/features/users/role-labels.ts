import type { Role } from '@/domain/schema/auth'

/** A role as the Users page names it. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  supervisor: 'Supervisor',
  reviewer: 'Reviewer',
  agent: 'Agent',
}
