import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { AttachmentSummary } from '@kechuang/core/attachments'
import { tables, type Executor } from '@kechuang/db'

const { attachments } = tables

export type AttachmentRow = typeof attachments.$inferSelect

const summaryColumns = {
  id: attachments.id,
  fileName: attachments.fileName,
  sizeBytes: attachments.sizeBytes,
}

export async function insertAttachment(
  tx: Executor,
  row: typeof attachments.$inferInsert,
): Promise<AttachmentSummary & { orgUnitPath: string; sha256: string; mediaType: string }> {
  const rows = await tx
    .insert(attachments)
    .values(row)
    .returning({
      ...summaryColumns,
      orgUnitPath: attachments.orgUnitPath,
      sha256: attachments.sha256,
      mediaType: attachments.mediaType,
    })
  return rows[0]!
}

export async function findAttachment(db: Executor, id: string): Promise<AttachmentRow | undefined> {
  const rows = await db.select().from(attachments).where(eq(attachments.id, id))
  return rows[0]
}

/**
 * Links the given attachments to their owner in one statement, but only those still unlinked and uploaded
 * by this user: the caller compares the count, so a concurrent link of the same file cannot win twice.
 */
export function linkUnlinkedAttachments(
  tx: Executor,
  ids: readonly string[],
  uploadedByUserId: string,
  owner: { ownerType: string; ownerId: string; orgUnitPath: string; linkedAt: Date },
): Promise<AttachmentSummary[]> {
  return tx
    .update(attachments)
    .set(owner)
    .where(
      and(
        inArray(attachments.id, [...ids]),
        isNull(attachments.ownerId),
        eq(attachments.uploadedByUserId, uploadedByUserId),
      ),
    )
    .returning(summaryColumns)
}

export async function listAttachmentsOfOwners(
  db: Executor,
  ownerType: string,
  ownerIds: readonly string[],
): Promise<(AttachmentSummary & { ownerId: string })[]> {
  if (ownerIds.length === 0) return []
  const rows = await db
    .select({ ...summaryColumns, ownerId: attachments.ownerId })
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, [...ownerIds])))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
  return rows.map((r) => ({ ...r, ownerId: r.ownerId! }))
}
