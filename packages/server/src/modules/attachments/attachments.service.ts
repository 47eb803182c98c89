import { createHash } from 'node:crypto'
import {
  ATTACHMENT_FILE_NAME_MAX,
  detectAttachmentType,
  type AttachmentSummary,
} from '@kechuang/core/attachments'
import type { Database, Executor } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { AuditService } from '../audit/audit.service'
import { attachmentErrors } from './attachments.errors'
import {
  findAttachment,
  insertAttachment,
  linkUnlinkedAttachments,
  listAttachmentsOfOwners,
} from './attachments.repository'

/** The record an attachment belongs to, and the path of the org unit whose scope may read it. */
export interface AttachmentOwner {
  type: string
  id: string
  scopePath: string
}

export interface AttachmentDownload {
  fileName: string
  mediaType: string
  content: Buffer
}

export interface AttachmentsService {
  /** Stores an uploaded file, unlinked, after checking its type by extension and magic bytes. */
  upload(actor: Actor, file: { fileName: string; content: Buffer }): Promise<AttachmentSummary>
  download(actor: Actor, attachmentId: string): Promise<AttachmentDownload>
  /** Links the actor's own unlinked uploads to a record, in the record's transaction; all or none. */
  link(
    tx: Executor,
    actor: Actor,
    ids: readonly string[],
    owner: AttachmentOwner,
  ): Promise<AttachmentSummary[]>
  /** The attachments of several records of one type, by record id. */
  listOfOwners(ownerType: string, ownerIds: readonly string[]): Promise<Map<string, AttachmentSummary[]>>
}

/**
 * Files attached to records, kept in the database (any app server can serve them, backups include them).
 * Uploading comes first and gives an id; the record's own save links the ids. An unlinked file is visible
 * to its uploader only; a linked one to every reader whose scope contains the owner's org unit.
 */
export function createAttachmentsService({
  db,
  audit,
  now = () => new Date(),
}: {
  db: Database
  audit: AuditService
  now?: () => Date
}): AttachmentsService {
  return {
    async upload(actor, { fileName, content }) {
      const name = fileName.trim()
      if (name.length > ATTACHMENT_FILE_NAME_MAX) throw attachmentErrors.ATTACHMENT_FILE_NAME_TOO_LONG()
      if (content.length === 0) throw attachmentErrors.ATTACHMENT_EMPTY()
      const mediaType = detectAttachmentType(name, content)
      if (!mediaType) throw attachmentErrors.ATTACHMENT_TYPE_NOT_ALLOWED({ fileName: name })
      return db.transaction(async (tx) => {
        const { orgUnitPath, ...stored } = await insertAttachment(tx, {
          fileName: name,
          mediaType,
          sizeBytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          orgUnitPath: actor.scopePath,
          uploadedByUserId: actor.userId,
          uploadedByName: actor.displayName,
          uploadedAt: now(),
        })
        await audit.record(tx, actor, {
          entityType: 'attachment',
          entityId: stored.id,
          action: 'create',
          scopePath: orgUnitPath,
          after: stored,
        })
        return { id: stored.id, fileName: stored.fileName, sizeBytes: stored.sizeBytes }
      })
    },

    async download(actor, attachmentId) {
      const row = await findAttachment(db, attachmentId)
      const isVisible =
        row &&
        (row.ownerId === null
          ? row.uploadedByUserId !== null && row.uploadedByUserId === actor.userId
          : row.orgUnitPath.startsWith(actor.scopePath))
      if (!row || !isVisible) throw attachmentErrors.ATTACHMENT_NOT_FOUND({ attachmentId })
      return { fileName: row.fileName, mediaType: row.mediaType, content: row.content }
    },

    async link(tx, actor, ids, owner) {
      if (ids.length === 0) return []
      const linked = actor.userId
        ? await linkUnlinkedAttachments(tx, ids, actor.userId, {
            ownerType: owner.type,
            ownerId: owner.id,
            orgUnitPath: owner.scopePath,
            linkedAt: now(),
          })
        : []
      if (linked.length !== ids.length) {
        const linkedIds = new Set(linked.map((a) => a.id))
        throw attachmentErrors.ATTACHMENT_NOT_LINKABLE({
          attachmentIds: ids.filter((id) => !linkedIds.has(id)),
        })
      }
      for (const attachment of linked) {
        await audit.record(tx, actor, {
          entityType: 'attachment',
          entityId: attachment.id,
          action: 'update',
          scopePath: owner.scopePath,
          before: { ownerType: null, ownerId: null },
          after: { ownerType: owner.type, ownerId: owner.id, fileName: attachment.fileName },
        })
      }
      // In the order the caller gave them.
      return ids.map((id) => linked.find((a) => a.id === id)!)
    },

    async listOfOwners(ownerType, ownerIds) {
      const byOwner = new Map<string, AttachmentSummary[]>()
      for (const { ownerId, ...summary } of await listAttachmentsOfOwners(db, ownerType, ownerIds)) {
        byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), summary])
      }
      return byOwner
    },
  }
}
