import type { AuditAction, AuditPage, AuditQuery } from '@kechuang/core/audit'
import type { Database, Executor } from '@kechuang/db'
import type { Actor } from './actor'
import { countAuditRowsSince, insertAuditRow, listAuditRows } from './audit.repository'

export interface AuditEvent {
  entityType: string
  entityId: string | null
  action: AuditAction
  /** Path of the org unit the entity belongs to (see Actor.scopePath); null for system-wide events. */
  scopePath: string | null
  before?: unknown
  after?: unknown
}

// Fields that never enter the log, whatever entity they belong to.
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'csrfToken', 'newPassword', 'currentPassword'])

export interface AuditService {
  /** Writes one entry; pass the transaction of the change so both commit or neither does. */
  record(tx: Executor, actor: Actor | SystemActorName, event: AuditEvent): Promise<void>
  list(actor: Actor, query: AuditQuery): Promise<AuditPage>
  countSince(actor: Actor, since: Date): Promise<number>
}

/** For entries without a signed-in user: login attempts by name, seed, restore. */
export interface SystemActorName {
  userId: string | null
  name: string
  ip: string | null
}

export function createAuditService({ db }: { db: Database }): AuditService {
  return {
    async record(tx, actor, event) {
      const isActor = 'scopePath' in actor
      await insertAuditRow(tx, {
        actorUserId: actor.userId,
        actorName: isActor ? `${actor.displayName}（${actor.username}）` : actor.name,
        ip: actor.ip,
        entityType: event.entityType,
        entityId: event.entityId,
        action: event.action,
        scopePath: event.scopePath,
        before: redactSecrets(event.before ?? null),
        after: redactSecrets(event.after ?? null),
      })
    },
    list: (actor, query) => listAuditRows(db, actor.scopePath, query),
    countSince: (actor, since) => countAuditRowsSince(db, actor.scopePath, since),
  }
}

function redactSecrets(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(redactSecrets)
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_FIELDS.has(key))
      .map(([key, inner]) => [key, redactSecrets(inner)]),
  )
}
