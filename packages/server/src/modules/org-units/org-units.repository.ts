import { and, asc, count, eq, isNull, like, ne, sql } from 'drizzle-orm'
import type { OrgUnit } from '@kechuang/core/org-units'
import { tables, type Executor } from '@kechuang/db'

const { orgUnits, users } = tables

export type OrgUnitRow = typeof orgUnits.$inferSelect
export type NewOrgUnitRow = typeof orgUnits.$inferInsert

// Every read takes the caller's scope path: a unit outside it does not exist for the caller.
const inScope = (scopePath: string) => and(like(orgUnits.path, `${scopePath}%`), isNull(orgUnits.deletedAt))

export function listOrgUnitsInScope(db: Executor, scopePath: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(inScope(scopePath))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.sortOrder))
}

export async function findOrgUnitInScope(
  db: Executor,
  id: string,
  scopePath: string,
): Promise<OrgUnitRow | undefined> {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), inScope(scopePath)))
  return rows[0]
}

export async function insertOrgUnit(db: Executor, row: NewOrgUnitRow): Promise<OrgUnitRow> {
  const rows = await db.insert(orgUnits).values(row).returning()
  return rows[0]!
}

export async function updateOrgUnit(
  db: Executor,
  id: string,
  changes: Partial<NewOrgUnitRow>,
): Promise<OrgUnitRow> {
  const rows = await db
    .update(orgUnits)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(orgUnits.id, id))
    .returning()
  return rows[0]!
}

/** Rewrites the path and depth of a unit and all its descendants after a move, in one statement. */
export async function rebaseSubtree(
  db: Executor,
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<void> {
  await db
    .update(orgUnits)
    .set({
      path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})`,
      depth: sql`${orgUnits.depth} + ${depthDelta}`,
      updatedAt: new Date(),
    })
    .where(like(orgUnits.path, `${oldPath}%`))
}

export async function countActiveChildren(db: Executor, id: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, id), isNull(orgUnits.deletedAt)))
  return rows[0]?.n ?? 0
}

export async function countUsersScopedTo(db: Executor, id: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.scopeOrgUnitId, id), isNull(users.deletedAt)))
  return rows[0]?.n ?? 0
}

export async function countOrgUnitsByType(db: Executor, scopePath: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ type: orgUnits.type, n: count() })
    .from(orgUnits)
    .where(inScope(scopePath))
    .groupBy(orgUnits.type)
  return Object.fromEntries(rows.map((r) => [r.type, r.n]))
}

/** The child types present under a unit, to check a type change against them. */
export async function childTypesOf(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ type: orgUnits.type })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, id), isNull(orgUnits.deletedAt), ne(orgUnits.id, id)))
  return rows.map((r) => r.type)
}

export function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    path: row.path,
    depth: row.depth,
    name: row.name,
    type: row.type,
    typeLabel: row.typeLabel,
    divisionCode: row.divisionCode,
    aliases: row.aliases,
    sortOrder: row.sortOrder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
