import { and, desc, eq } from 'drizzle-orm'
import { tables, type Executor } from '@kechuang/db'

const { qualificationSelfChecks } = tables

export type SelfCheckRow = typeof qualificationSelfChecks.$inferSelect

/** The newest first; a user keeps a handful, this bounds the answer all the same. */
export const SELF_CHECK_LIST_MAX = 200

export async function insertSelfCheck(
  tx: Executor,
  row: typeof qualificationSelfChecks.$inferInsert,
): Promise<SelfCheckRow> {
  const [saved] = await tx.insert(qualificationSelfChecks).values(row).returning()
  if (!saved) throw new Error('self-check insert returned no row')
  return saved
}

export function listSelfChecksOfUser(db: Executor, userId: string): Promise<SelfCheckRow[]> {
  return db
    .select()
    .from(qualificationSelfChecks)
    .where(eq(qualificationSelfChecks.userId, userId))
    .orderBy(desc(qualificationSelfChecks.createdAt))
    .limit(SELF_CHECK_LIST_MAX)
}

/** Deletes the user's own check; null when there is none with this id (or it is someone else's). */
export async function deleteSelfCheckOfUser(
  tx: Executor,
  userId: string,
  id: string,
): Promise<SelfCheckRow | null> {
  const [deleted] = await tx
    .delete(qualificationSelfChecks)
    .where(and(eq(qualificationSelfChecks.id, id), eq(qualificationSelfChecks.userId, userId)))
    .returning()
  return deleted ?? null
}
