/**
 * The file types an attachment may have, by extension, with the magic bytes its content must start with.
 * Office's legacy .doc/.xls share the OLE compound-file signature; .docx/.xlsx are zip packages.
 */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP = [0x50, 0x4b, 0x03, 0x04]

export const ATTACHMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  doc: { mediaType: 'application/msword', magic: OLE },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: ZIP,
  },
  xls: { mediaType: 'application/vnd.ms-excel', magic: OLE },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  jpg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  zip: { mediaType: 'application/zip', magic: ZIP },
} as const

export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES

/** '.pdf, .doc, …' for messages and the upload picker's `accept`. */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((extension) => `.${extension}`)
  .join(',')

/**
 * The media type of an upload, or null when its extension is not allowed or its first bytes do not match
 * the extension (a renamed .exe is refused). The client's declared content type is never trusted.
 */
export function detectAttachmentType(fileName: string, content: Uint8Array): string | null {
  const extension = fileName.toLowerCase().split('.').at(-1) ?? ''
  if (!Object.hasOwn(ATTACHMENT_TYPES, extension) || !fileName.includes('.')) return null
  const { mediaType, magic } = ATTACHMENT_TYPES[extension as AttachmentExtension]
  const matches = magic.every((byte, i) => content[i] === byte)
  return matches ? mediaType : null
}
