import { z } from 'zod'

const param = z.string().trim().min(1).max(254).optional().catch(undefined)

/**
 * The `/audit` URL contract: the filters and the page, each optional text (absent means "any",
 * or the first page of the default size): `actor`, `action`, `from`/`to` (epoch ms, the instants
 * the API takes, so a link means the same whatever clock its reader picked), `offset`, `limit`.
 * Loose here, exact in the page, which reads each through the API's own `auditQuerySchema` (a
 * value it refuses counts as absent): that schema's module is not part of the search page's
 * first script (decision 015).
 */
export const auditSearchSchema = z.object({
  actor: param,
  action: param,
  from: param,
  to: param,
  offset: param,
  limit: param,
})
export type AuditSearch = z.infer<typeof auditSearchSchema>
