import type { FastifyReply } from 'fastify'

/** Sends a file as a download; a Chinese file name travels as RFC 5987 `filename*` (UTF-8). */
export function sendFile(
  reply: FastifyReply,
  contentType: string,
  file: { fileName: string; content: Buffer | Uint8Array },
) {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '')
  return (
    reply
      .header('content-type', contentType)
      // Uploaded files are served as stored: the browser must not guess another type (e.g. HTML) from them.
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      )
      .send(file.content)
  )
}
