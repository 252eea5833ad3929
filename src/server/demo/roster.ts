/**
 * The demo contact centre: a fixed roster of skills, agent groups, human agents, managers and bots.
 * IDs are numeric strings/longs in LivePerson's style.
 */

export const DEMO_BRAND_ID = '90412079'

export type SkillKey =
  | 'billing'
  | 'techSupport'
  | 'sales'
  | 'returns'
  | 'vip'
  | 'spanish'
  | 'orderStatus'
  | 'accountSecurity'
  | 'retention'
  | 'general'
  | 'botTriage'

export interface Skill {
  key: SkillKey
  id: number
  name: string
}

export const SKILLS: Record<SkillKey, Skill> = {
  billing: { key: 'billing', id: 4016011110, name: 'Billing' },
  techSupport: { key: 'techSupport', id: 4016011210, name: 'Tech Support' },
  sales: { key: 'sales', id: 4016011310, name: 'Sales' },
  returns: { key: 'returns', id: 4016011410, name: 'Returns' },
  vip: { key: 'vip', id: 4016011510, name: 'VIP' },
  spanish: { key: 'spanish', id: 4016011610, name: 'Spanish Support' },
  orderStatus: { key: 'orderStatus', id: 4016011710, name: 'Order Status' },
  accountSecurity: { key: 'accountSecurity', id: 4016011810, name: 'Account Security' },
  retention: { key: 'retention', id: 4016011910, name: 'Retention' },
  general: { key: 'general', id: 4016012010, name: 'General Inquiries' },
  botTriage: { key: 'botTriage', id: 4016012110, name: 'Virtual Assistant' },
}

export interface AgentGroup {
  id: number
  name: string
}

export const AGENT_GROUPS = {
  billing: { id: 3592201710, name: 'Billing & Payments' },
  tech: { id: 3592201810, name: 'Technical Support' },
  sales: { id: 3592201910, name: 'Sales & Retention' },
  care: { id: 3592202010, name: 'Customer Care' },
  spanish: { id: 3592202110, name: 'Spanish Desk' },
  automation: { id: 3592202210, name: 'Virtual Assistants' },
} as const satisfies Record<string, AgentGroup>

export interface Agent {
  id: string
  loginName: string
  nickname: string
  fullName: string
  group: AgentGroup
  /** '1' Human, '2' Bot. */
  userType: '1' | '2'
  userTypeName: 'Human' | 'Bot'
  isManager: boolean
  deleted: boolean
  skills: readonly SkillKey[]
}

function human(
  id: string,
  fullName: string,
  nickname: string,
  group: AgentGroup,
  skills: readonly SkillKey[],
  extra: { isManager?: boolean; deleted?: boolean } = {},
): Agent {
  const login = fullName
    .normalize('NFD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.')
  return {
    id,
    loginName: login,
    nickname,
    fullName,
    group,
    userType: '1',
    userTypeName: 'Human',
    isManager: extra.isManager ?? false,
    deleted: extra.deleted ?? false,
    skills,
  }
}

function bot(id: string, fullName: string, nickname: string, loginName: string): Agent {
  return {
    id,
    loginName,
    nickname,
    fullName,
    group: AGENT_GROUPS.automation,
    userType: '2',
    userTypeName: 'Bot',
    isManager: false,
    deleted: false,
    skills: ['botTriage'],
  }
}

const G = AGENT_GROUPS

export const HUMAN_AGENTS: readonly Agent[] = [
  human('3711470410', 'Sarah Chen', 'Sarah', G.billing, ['billing', 'retention']),
  human('3711470510', 'Marcus Johnson', 'Marcus', G.billing, ['billing']),
  human('3711470610', 'Priya Patel', 'Priya', G.billing, ['billing', 'vip']),
  human('3711470710', 'Aisha Bello', 'Aisha', G.billing, ['billing', 'general']),
  human('3711470810', 'Daniel Okafor', 'Dan', G.tech, ['techSupport', 'accountSecurity']),
  human('3711470910', 'Emily Rodriguez', 'Emily', G.tech, ['techSupport']),
  human('3711471010', 'Kenji Watanabe', 'Ken', G.tech, ['techSupport', 'accountSecurity']),
  human('3711471110', 'Olivia Brown', 'Liv', G.tech, ['techSupport']),
  human('3711471210', 'Ahmed Hassan', 'Ahmed', G.tech, ['techSupport', 'vip']),
  human('3711471310', 'Noah Williams', 'Noah', G.tech, ['accountSecurity', 'techSupport']),
  human('3711471410', 'Jessica Miller', 'Jess', G.sales, ['sales', 'retention']),
  human('3711471510', 'Tom Fischer', 'Tom', G.sales, ['sales']),
  human('3711471610', 'Grace Kim', 'Grace', G.sales, ['sales', 'retention', 'vip']),
  human('3711471710', 'Isaac Goldberg', 'Isaac', G.sales, ['sales', 'retention'], {
    deleted: true,
  }),
  human('3711471810', 'Lucas Silva', 'Lucas', G.care, ['orderStatus', 'returns', 'general']),
  human('3711471910', 'Hannah Schmidt', 'Hannah', G.care, ['returns', 'orderStatus']),
  human('3711472010', "Ryan O'Connor", 'Ryan', G.care, ['general', 'orderStatus']),
  human('3711472110', 'Mei Lin', 'Mei', G.care, ['returns', 'general', 'vip']),
  human('3711472210', 'Chloé Dubois', 'Chloé', G.care, ['orderStatus', 'returns']),
  human('3711472310', 'Fatima Zahra', 'Fatima', G.care, ['general', 'vip', 'returns']),
  human('3711472410', 'Carlos Hernández', 'Carlos', G.spanish, ['spanish', 'billing']),
  human('3711472510', 'Sofía Martínez', 'Sofi', G.spanish, ['spanish', 'general']),
  human('3711472610', 'Diego Ramírez', 'Diego', G.spanish, ['spanish', 'techSupport']),
  human('3711472710', 'Rachel Adams', 'Rachel', G.care, ['vip', 'general', 'returns'], {
    isManager: true,
  }),
  human('3711472810', 'Victor Petrov', 'Victor', G.tech, ['techSupport', 'billing'], {
    isManager: true,
  }),
]

export const MANAGERS: readonly Agent[] = HUMAN_AGENTS.filter((a) => a.isManager)
export const FRONTLINE_AGENTS: readonly Agent[] = HUMAN_AGENTS.filter((a) => !a.isManager)

export const BOTS = {
  ava: bot('4100000110', 'Ava – Virtual Assistant', 'Ava', 'ava.bot'),
  orders: bot('4100000210', 'Order Status Bot', 'OrderBot', 'order.bot'),
  lucia: bot('4100000310', 'Lucía – Asistente Virtual', 'Lucía', 'lucia.bot'),
  survey: bot('4100000410', 'Post-Conversation Survey Bot', 'Survey', 'survey.bot'),
} as const satisfies Record<string, Agent>

/** Agents (not managers) who can take a conversation on `skill`. */
export function agentsForSkill(skill: SkillKey): readonly Agent[] {
  return SKILL_AGENTS[skill]
}

const SKILL_AGENTS = Object.fromEntries(
  (Object.keys(SKILLS) as SkillKey[]).map((key) => {
    const list = FRONTLINE_AGENTS.filter((a) => a.skills.includes(key))
    return [key, list.length > 0 ? list : FRONTLINE_AGENTS]
  }),
) as Record<SkillKey, readonly Agent[]>
