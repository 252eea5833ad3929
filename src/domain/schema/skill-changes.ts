import type { z } from 'zod'
import { cleanObject, optNumber, optString, optTime } from '@/domain/schema/coerce'

/**
 * One `skillChanges[]` item. The section is undocumented (no field list, no example), so the
 * item is a loose object: the likely fields are typed and numeric strings become numbers, and
 * anything else is kept as sent.
 */
export const skillChangeSchema = cleanObject({
  time: optString,
  timeL: optTime,
  fromSkillId: optNumber,
  fromSkillName: optString,
  toSkillId: optNumber,
  toSkillName: optString,
  skillId: optNumber,
  skillName: optString,
  reason: optString,
  dialogId: optString,
  agentId: optString,
})

export type SkillChange = z.output<typeof skillChangeSchema>
