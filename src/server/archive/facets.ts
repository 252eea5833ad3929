import type { ArchiveDatabase } from '@/server/archive/db'
import type { SideTableEstimate } from '@/server/archive/query'
import { scopeClause, type ReadScope } from '@/server/archive/read-scope'
import { num, rowsOf, str } from '@/server/archive/sql-rows'
import type { StatementCache } from '@/server/archive/statement-cache'

/** An agent the filters offer, with how many archived conversations they took part in. */
export interface FacetAgent {
  id: string
  name?: string
  login?: string
  type?: 'human' | 'bot' | 'system'
  count: number
}

/** A skill, agent group, channel or device the filters offer, with its conversation count. */
export interface FacetItem {
  id: string
  name?: string
  count: number
}

/** Everything the search filters can offer, each list by count (most conversations first). */
export interface Facets {
  agents: FacetAgent[]
  skills: FacetItem[]
  agentGroups: FacetItem[]
  channels: FacetItem[]
  devices: FacetItem[]
}

/** A kind of facet as the `facets` table names it. */
export type FacetKind = 'skill' | 'agent' | 'group' | 'channel' | 'device'

/**
 * The `facets` table: per kind and ID, how many conversations carry it (and the latest name,
 * login and user type seen). The writer keeps the counts as it writes and replaces
 * conversations; the filters read them, and the query planner uses them as estimates.
 */
export interface FacetCounts {
  /** Counts one more conversation for `id`, taking any name, login or type it brings. */
  count(
    kind: FacetKind,
    id: string,
    name: string | null,
    login: string | null,
    userType: string | null,
  ): void
  /**
   * Counts the stored conversation `conversation` (row ID) out of every facet it carries. Runs
   * before its side-table rows and columns are replaced (it reads them).
   */
  forget(conversation: number): void
  /** Removes the facets no conversation carries any more. */
  dropEmpty(): void
  /** How many conversations carry any of these skills / agents / groups. */
  estimate: SideTableEstimate
  /** The facets for the filters: every conversation's, or those of the conversations in a scope. */
  read(scope?: ReadScope): Facets
}

/** The side tables whose rows are facets (their conversation's skills, agents and groups). */
const FACET_SIDE_TABLES = [
  ['conversation_skills', 'skill_id', 'skill'],
  ['conversation_agents', 'agent_id', 'agent'],
  ['conversation_groups', 'group_id', 'group'],
] as const

/** The facet counts of the archive `db`, with its statements prepared once. */
export function createFacetCounts(db: ArchiveDatabase, statements: StatementCache): FacetCounts {
  const forgetSide = FACET_SIDE_TABLES.map(([table, column, kind]) =>
    db.prepare(
      `UPDATE facets SET count = count - 1 WHERE kind = '${kind}' AND id IN (SELECT ${column} FROM ${table} WHERE conversation = ?)`,
    ),
  )
  const forgetColumns = db.prepare(`
    UPDATE facets SET count = count - 1
    WHERE (kind = 'channel' AND id = (SELECT source FROM conversations WHERE id = @id))
       OR (kind = 'device' AND id = (SELECT device FROM conversations WHERE id = @id))`)
  const countFacet = db.prepare(`
    INSERT INTO facets (kind, id, name, login, user_type, count) VALUES (?, ?, ?, ?, ?, 1)
    ON CONFLICT (kind, id) DO UPDATE SET count = count + 1,
      name = coalesce(excluded.name, name),
      login = coalesce(excluded.login, login),
      user_type = coalesce(excluded.user_type, user_type)`)
  const dropEmptyFacets = db.prepare('DELETE FROM facets WHERE count <= 0')
  const facetRows = db.prepare(
    'SELECT kind, id, name, login, user_type, count FROM facets WHERE count > 0 ORDER BY kind, count DESC, id',
  )

  return {
    count(kind, id, name, login, userType) {
      countFacet.run(kind, id, name, login, userType)
    },
    forget(conversation) {
      for (const statement of forgetSide) statement.run(conversation)
      forgetColumns.run({ id: conversation })
    },
    dropEmpty() {
      dropEmptyFacets.run()
    },
    estimate: (kind, ids) =>
      num(
        statements
          .prepare(
            `SELECT coalesce(sum(count), 0) FROM facets WHERE kind = ? AND id IN (${ids.map(() => '?').join(', ')})`,
          )
          .pluck()
          .get(kind, ...ids),
      ),
    read(scope) {
      const scoped = scope ? scopeClause(scope) : undefined
      const rows = scoped
        ? // Counted over the reader's conversations only, so a count never tells of others.
          statements
            .prepare(
              `WITH scoped AS (SELECT c.id, c.source, c.device FROM conversations c WHERE ${scoped.sql}),
               counted AS (
                 SELECT 'agent' AS kind, agent_id AS id, count(*) AS count FROM conversation_agents
                   WHERE conversation IN (SELECT id FROM scoped) GROUP BY agent_id
                 UNION ALL SELECT 'group', group_id, count(*) FROM conversation_groups
                   WHERE conversation IN (SELECT id FROM scoped) GROUP BY group_id
                 UNION ALL SELECT 'skill', skill_id, count(*) FROM conversation_skills
                   WHERE conversation IN (SELECT id FROM scoped) GROUP BY skill_id
                 UNION ALL SELECT 'channel', source, count(*) FROM scoped WHERE source IS NOT NULL GROUP BY source
                 UNION ALL SELECT 'device', device, count(*) FROM scoped WHERE device IS NOT NULL GROUP BY device)
               SELECT k.kind, k.id, f.name, f.login, f.user_type, k.count FROM counted k
                 LEFT JOIN facets f ON f.kind = k.kind AND f.id = k.id
                 ORDER BY k.kind, k.count DESC, k.id`,
            )
            .all(...scoped.params)
        : facetRows.all()
      const facets: Facets = { agents: [], skills: [], agentGroups: [], channels: [], devices: [] }
      for (const row of rowsOf(rows)) {
        const id = str(row.id) ?? ''
        const count = num(row.count)
        const name = str(row.name)
        const item: FacetItem = name === undefined ? { id, count } : { id, name, count }
        switch (row.kind) {
          case 'agent': {
            const agent: FacetAgent = { ...item }
            const login = str(row.login)
            const type = str(row.user_type)
            if (login !== undefined) agent.login = login
            if (type === 'human' || type === 'bot' || type === 'system') agent.type = type
            facets.agents.push(agent)
            break
          }
          case 'skill':
            facets.skills.push(item)
            break
          case 'group':
            facets.agentGroups.push(item)
            break
          case 'channel':
            facets.channels.push(item)
            break
          case 'device':
            facets.devices.push(item)
            break
        }
      }
      return facets
    },
  }
}
