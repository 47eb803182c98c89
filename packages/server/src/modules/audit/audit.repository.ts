import { and, count, desc, eq, gte, ilike, isNull, like, lte, or, type SQL } from 'drizzle-orm'
import { pageOffset } from '@kechuang/core/pagination'
import type { AuditEntry, AuditPage, AuditQuery } from '@kechuang/core/audit'
import type { Executor } from '@kechuang/db'
import { containsPattern, tables } from '@kechuang/db'

const { auditLog } = tables

export type NewAuditRow = typeof auditLog.$inferInsert

export function insertAuditRow(db: Executor, row: NewAuditRow): Promise<unknown> {
  return db.insert(auditLog).values(row)
}

/** Entries inside the reader's scope; entries with no scope (seed, restore) only for readers of the whole tree. */
export async function listAuditRows(db: Executor, scopePath: string, query: AuditQuery): Promise<AuditPage> {
  const conditions: SQL[] = [scopeCondition(scopePath)]
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType))
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId))
  if (query.action) conditions.push(eq(auditLog.action, query.action))
  if (query.actor) conditions.push(ilike(auditLog.actorName, containsPattern(query.actor)))
  if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(query.from)))
  if (query.to) conditions.push(lte(auditLog.occurredAt, new Date(query.to)))
  const where = conditions.length ? and(...conditions) : undefined
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset(pageOffset(query)),
    db.select({ total: count() }).from(auditLog).where(where),
  ])
  return {
    items: rows.map(toAuditEntry),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function countAuditRowsSince(db: Executor, scopePath: string, since: Date): Promise<number> {
  const rows = await db
    .select({ total: count() })
    .from(auditLog)
    .where(and(scopeCondition(scopePath), gte(auditLog.occurredAt, since)))
  return rows[0]?.total ?? 0
}

function scopeCondition(scopePath: string): SQL {
  const inScope = like(auditLog.scopePath, `${scopePath}%`)
  // A root scope ('/id/' with one segment) also sees entries that belong to no unit.
  return scopePath.split('/').filter(Boolean).length === 1
    ? or(inScope, isNull(auditLog.scopePath))!
    : inScope
}

function toAuditEntry(row: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    ip: row.ip,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  }
}
