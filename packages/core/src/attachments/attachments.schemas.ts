import { z } from 'zod'
import { uuid } from '../validation/common-fields'

/** An uploaded file above this size is refused (413) before anything is stored. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
export const ATTACHMENT_MAX_MEGABYTES = ATTACHMENT_MAX_BYTES / 1024 / 1024
/** How many attachments one record (a progress report) may carry. */
export const ATTACHMENTS_PER_RECORD_MAX = 10
export const ATTACHMENT_FILE_NAME_MAX = 200

export const AttachmentIdParams = z.strictObject({ attachmentId: uuid('附件编号') })

export const AttachmentIds = z
  .array(uuid('附件编号'), { error: '附件列表格式不正确' })
  .max(ATTACHMENTS_PER_RECORD_MAX, { error: `附件不能超过 ${ATTACHMENTS_PER_RECORD_MAX} 个` })
  .refine((ids) => new Set(ids).size === ids.length, { error: '附件不能重复' })

/** What a record shows of each attachment: enough for a download link. */
export const AttachmentSummary = z.object({
  id: z.uuid(),
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
})
export type AttachmentSummary = z.infer<typeof AttachmentSummary>
