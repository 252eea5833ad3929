import { randomUUID } from 'node:crypto'
import { DEFAULT_SCORECARD } from '@/domain/default-scorecard'
import {
  criteriaOf,
  scorecardDefinitionSchema,
  type Scorecard,
  type ScorecardDefinition,
  type ScorecardList,
} from '@/domain/schema/reviews'
import { num, rowsOf, str, type Row } from '@/server/archive/sql-rows'
import { HttpError } from '@/server/http/http-error'
import type { WorkspaceDatabase } from '@/server/workspace/workspace-db'

/**
 * Scorecards (issue 13) in the workspace database, each with every version it had. A version
 * that a review uses never changes: editing the newest version of a scorecard that has reviews
 * makes a new version (the reviews keep theirs); without reviews the newest is replaced in place.
 */
export interface ScorecardStore {
  /**
   * Every scorecard at its newest version, with how many reviews use it (any version, and the
   * newest).
   */
  list(): ScorecardList['scorecards']
  /** One scorecard at `version` (default: its newest), or undefined. */
  get(id: number, version?: number): Scorecard | undefined
  /** The definition of one version (cached: versions are read for every review shown). */
  definition(id: number, version: number): ScorecardDefinition | undefined
  create(definition: ScorecardDefinition, by: string | null): Scorecard
  /**
   * A new definition, edited from `fromVersion`: 404 for an unknown scorecard, 409 when
   * `fromVersion` is not the newest; `newVersion` tells whether a version was added.
   */
  update(
    id: number,
    fromVersion: number,
    definition: ScorecardDefinition,
    by: string | null,
  ): { scorecard: Scorecard; newVersion: boolean }
  setArchived(id: number, archived: boolean): Scorecard
  /** Adds the default scorecard when the workspace has none; true when it did. */
  ensureDefault(): boolean
}

interface CachedDefinition {
  text: string
  definition: ScorecardDefinition
}

export function parseDefinition(text: string): ScorecardDefinition {
  return scorecardDefinitionSchema.parse(JSON.parse(text))
}

export function createScorecardStore(
  db: WorkspaceDatabase,
  now: () => number = Date.now,
): ScorecardStore {
  const cardById = db.prepare('SELECT * FROM scorecards WHERE id = ?')
  const versionRow = db.prepare(
    'SELECT * FROM scorecard_versions WHERE scorecard_id = ? AND version = ?',
  )
  const definitionText = db
    .prepare('SELECT definition FROM scorecard_versions WHERE scorecard_id = ? AND version = ?')
    .pluck()
  const insertCard = db.prepare(
    `INSERT INTO scorecards (uid, name, latest_version, archived, created_ms, updated_ms)
     VALUES (?, ?, 1, 0, ?, ?)`,
  )
  const insertVersion = db.prepare(
    `INSERT INTO scorecard_versions (scorecard_id, version, definition, created_ms, created_by)
     VALUES (?, ?, ?, ?, ?)`,
  )
  const replaceVersion = db.prepare(
    `UPDATE scorecard_versions SET definition = ?, created_ms = ?, created_by = ?
     WHERE scorecard_id = ? AND version = ?`,
  )
  const touchCard = db.prepare(
    'UPDATE scorecards SET name = ?, latest_version = ?, updated_ms = ? WHERE id = ?',
  )
  const versionInUse = db
    .prepare(
      'SELECT EXISTS (SELECT 1 FROM reviews WHERE scorecard_id = ? AND scorecard_version = ?)',
    )
    .pluck()
  const archive = db.prepare('UPDATE scorecards SET archived = ?, updated_ms = ? WHERE id = ?')
  const anyCard = db.prepare('SELECT EXISTS (SELECT 1 FROM scorecards)').pluck()

  const cache = new Map<string, CachedDefinition>()

  function definition(id: number, version: number): ScorecardDefinition | undefined {
    const text = str(definitionText.get(id, version))
    if (text === undefined) return undefined
    const key = `${String(id)}:${String(version)}`
    const cached = cache.get(key)
    // The text is compared: a version without reviews may be replaced in place (also by another
    // process on the same file, such as an import).
    if (cached?.text === text) return cached.definition
    const parsed = parseDefinition(text)
    if (cache.size > 500) cache.clear()
    cache.set(key, { text, definition: parsed })
    return parsed
  }

  function row(statement: { get(...params: unknown[]): unknown }, ...params: unknown[]) {
    const found: unknown = statement.get(...params)
    return found && typeof found === 'object' ? (found as Row) : undefined
  }

  function get(id: number, version?: number): Scorecard | undefined {
    const card = row(cardById, id)
    if (!card) return undefined
    const latest = num(card.latest_version)
    const wanted = version ?? latest
    const versionData = row(versionRow, id, wanted)
    const parsed = definition(id, wanted)
    if (!versionData || !parsed) return undefined
    return {
      id,
      uid: str(card.uid) ?? '',
      version: wanted,
      latestVersion: latest,
      archived: card.archived === 1,
      createdAt: num(versionData.created_ms),
      createdBy: str(versionData.created_by) ?? null,
      definition: parsed,
    }
  }

  function mustGet(id: number, version?: number): Scorecard {
    const card = get(id, version)
    if (!card) {
      throw new HttpError(
        404,
        version === undefined
          ? `No scorecard ${String(id)}`
          : `No version ${String(version)} of scorecard ${String(id)}`,
        { field: version === undefined ? 'id' : 'version' },
      )
    }
    return card
  }

  function create(card: ScorecardDefinition, by: string | null): Scorecard {
    const id = db.transaction(() => {
      const at = now()
      const result = insertCard.run(randomUUID(), card.name, at, at)
      const newId = Number(result.lastInsertRowid)
      insertVersion.run(newId, 1, JSON.stringify(card), at, by)
      return newId
    })()
    return mustGet(id)
  }

  return {
    list() {
      const rows = rowsOf(
        db
          .prepare(
            `SELECT s.id, s.uid, s.name, s.latest_version, s.archived, s.updated_ms,
               (SELECT count(*) FROM reviews r WHERE r.scorecard_id = s.id) AS reviews,
               (SELECT count(*) FROM reviews r
                 WHERE r.scorecard_id = s.id AND r.scorecard_version = s.latest_version)
                 AS latest_reviews
             FROM scorecards s ORDER BY s.archived, s.name COLLATE NOCASE, s.id`,
          )
          .all(),
      )
      return rows.map((card) => {
        const id = num(card.id)
        const version = num(card.latest_version)
        const latest = definition(id, version)
        return {
          id,
          uid: str(card.uid) ?? '',
          name: latest?.name ?? str(card.name) ?? '',
          version,
          archived: card.archived === 1,
          criteria: latest ? criteriaOf(latest).length : 0,
          reviews: num(card.reviews),
          latestReviews: num(card.latest_reviews),
          updatedAt: num(card.updated_ms),
        }
      })
    },
    get,
    definition,
    create,
    update(id, fromVersion, card, by) {
      const newVersion = db
        .transaction(() => {
          const current = row(cardById, id)
          if (!current) throw new HttpError(404, `No scorecard ${String(id)}`, { field: 'id' })
          const latest = num(current.latest_version)
          if (fromVersion !== latest) {
            throw new HttpError(
              409,
              `version: scorecard ${String(id)} is at version ${String(latest)} now, not ${String(fromVersion)}: reload to see it`,
              { field: 'version' },
            )
          }
          const at = now()
          const text = JSON.stringify(card)
          if (versionInUse.get(id, latest) === 1) {
            insertVersion.run(id, latest + 1, text, at, by)
            touchCard.run(card.name, latest + 1, at, id)
            return true
          }
          replaceVersion.run(text, at, by, id, latest)
          touchCard.run(card.name, latest, at, id)
          return false
        })
        .immediate()
      return { scorecard: mustGet(id), newVersion }
    },
    setArchived(id, archived) {
      mustGet(id)
      archive.run(archived ? 1 : 0, now(), id)
      return mustGet(id)
    },
    ensureDefault() {
      return db
        .transaction(() => {
          if (anyCard.get() === 1) return false
          create(scorecardDefinitionSchema.parse(DEFAULT_SCORECARD), null)
          return true
        })
        .immediate()
    },
  }
}
