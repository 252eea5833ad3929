import { z } from 'zod'
import { requestJson } from '@/app/lib/http'
import { clientAuditBodySchema } from '@/domain/schema/auth'

type ExportDetail = z.input<typeof clientAuditBodySchema>['detail']

/**
 * Tells the audit trail about an export the browser made (`POST /api/audit/events`): the server
 * never sees the file. Fire-and-forget: the file is saved already, and a failure here changes
 * nothing for the user.
 */
export function reportExport(target: string, detail: ExportDetail): void {
  const body = clientAuditBodySchema.safeParse({
    action: 'export',
    target: target.slice(0, 64),
    detail,
  })
  if (!body.success) return
  requestJson('/api/audit/events', z.unknown(), { json: body.data }).catch(() => undefined)
}
