import { AttachmentSummary } from '@kechuang/core/attachments'
import { apiRequest } from '../../lib/api-client'

/** Uploads one file (multipart, with the CSRF header); the record's save links the returned id. */
export function uploadAttachment(file: Blob, fileName: string): Promise<AttachmentSummary> {
  const body = new FormData()
  body.append('file', file, fileName)
  return apiRequest('POST', '/attachments', AttachmentSummary, { body })
}

/** A plain link: the browser downloads with the session cookie, the server checks the scope. */
export function attachmentDownloadUrl(attachmentId: string): string {
  return `/api/attachments/${attachmentId}`
}
