import { and, asc, count, eq, gt, ilike, isNull, like, lte, or, type SQL } from 'drizzle-orm'
import type { User, UserPage, UserQuery } from '@kechuang/core/accounts'
import { pageOffset } from '@kechuang/core/pagination'
import { containsPattern, tables, type Executor } from '@kechuang/db'

const { users, orgUnits } = tables

export type UserRow = typeof users.$inferSelect
export type NewUserRow = typeof users.$inferInsert
/** A user with the name and path of its scope unit. */
export type ScopedUserRow = UserRow & { scopeOrgUnitName: string; scopePath: string }

const scopedUserColumns = { user: users, scopeOrgUnitName: orgUnits.name, scopePath: orgUnits.path }
const flatten = (r: { user: UserRow; scopeOrgUnitName: string; scopePath: string }): ScopedUserRow => ({
  ...r.user,
  scopeOrgUnitName: r.scopeOrgUnitName,
  scopePath: r.scopePath,
})

// A user is inside a caller's scope when the user's own scope unit is.
const inScope = (scopePath: string) => and(like(orgUnits.path, `${scopePath}%`), isNull(users.deletedAt))

export async function findUserByUsername(
  db: Executor,
  username: string,
  options: { forUpdate?: boolean } = {},
): Promise<ScopedUserRow | undefined> {
  const query = db
    .select(scopedUserColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.scopeOrgUnitId))
    .where(and(eq(users.username, username), isNull(users.deletedAt)))
  const rows = options.forUpdate ? await query.for('update', { of: users }) : await query
  return rows[0] && flatten(rows[0])
}

export async function findUserInScope(
  db: Executor,
  id: string,
  scopePath: string,
): Promise<ScopedUserRow | undefined> {
  const rows = await db
    .select(scopedUserColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.scopeOrgUnitId))
    .where(and(eq(users.id, id), inScope(scopePath)))
  return rows[0] && flatten(rows[0])
}

export async function listUsersInScope(
  db: Executor,
  scopePath: string,
  query: UserQuery,
  now: Date,
): Promise<UserPage> {
  const conditions: SQL[] = [inScope(scopePath)!]
  if (query.q) {
    const pattern = containsPattern(query.q)
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!)
  }
  if (query.role) conditions.push(eq(users.role, query.role))
  if (query.orgUnitId) conditions.push(eq(users.scopeOrgUnitId, query.orgUnitId))
  if (query.status === 'disabled') conditions.push(eq(users.isDisabled, true))
  if (query.status === 'locked') conditions.push(gt(users.lockedUntil, now))
  if (query.status === 'active') {
    conditions.push(eq(users.isDisabled, false), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))!)
  }
  const where = and(...conditions)
  const [rows, totals] = await Promise.all([
    db
      .select(scopedUserColumns)
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.scopeOrgUnitId))
      .where(where)
      .orderBy(asc(users.username))
      .limit(query.pageSize)
      .offset(pageOffset(query)),
    db
      .select({ total: count() })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.scopeOrgUnitId))
      .where(where),
  ])
  return {
    items: rows.map((r) => toUser(flatten(r), now)),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  }
}

export async function countUsersByRole(db: Executor, scopePath: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ role: users.role, n: count() })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.scopeOrgUnitId))
    .where(inScope(scopePath))
    .groupBy(users.role)
  return Object.fromEntries(rows.map((r) => [r.role, r.n]))
}

export async function insertUser(db: Executor, row: NewUserRow): Promise<UserRow> {
  const rows = await db.insert(users).values(row).returning()
  return rows[0]!
}

export async function updateUser(db: Executor, id: string, changes: Partial<NewUserRow>): Promise<UserRow> {
  const rows = await db
    .update(users)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning()
  return rows[0]!
}

export async function countUsers(db: Executor): Promise<number> {
  const rows = await db.select({ n: count() }).from(users).where(isNull(users.deletedAt))
  return rows[0]?.n ?? 0
}

/** The public view of a user: no hash, an expired automatic lock shows as none. */
export function toUser(row: ScopedUserRow, now: Date): User {
  const locked = row.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil : null
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scopeOrgUnitId: row.scopeOrgUnitId,
    scopeOrgUnitName: row.scopeOrgUnitName,
    phone: row.phone,
    email: row.email,
    isDisabled: row.isDisabled,
    lockedUntil: locked ? locked.toISOString() : null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
