import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ATTACHMENT_MAX_BYTES, AttachmentIdParams, AttachmentSummary } from '@kechuang/core/attachments'
import { sendFile } from '../../plugins/send-file'
import { attachmentErrors } from './attachments.errors'
import type { AttachmentsService } from './attachments.service'

const tags = ['附件']

export const attachmentsRoutes: FastifyPluginAsyncZod<{ service: AttachmentsService }> = async (
  app,
  { service },
) => {
  // Multipart only for the upload below (this plugin's routes); everything else stays JSON.
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5 } })

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '上传一个附件（multipart，字段 file），得到附件编号；保存记录时再用编号关联',
        response: { 201: AttachmentSummary },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw attachmentErrors.UPLOAD_MISSING()
      const part = await request.file()
      if (!part) throw attachmentErrors.UPLOAD_MISSING()
      let content: Buffer
      try {
        content = await part.toBuffer()
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError)
          throw attachmentErrors.ATTACHMENT_TOO_LARGE({ maxBytes: ATTACHMENT_MAX_BYTES })
        throw error
      }
      const stored = await service.upload(request.actor, { fileName: part.filename, content })
      return reply.status(201).send(stored)
    },
  )
  app.get(
    '/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件（仅限上传者本人或附件所属记录的管辖范围内）',
        params: AttachmentIdParams,
      },
    },
    async (request, reply) => {
      const file = await service.download(request.actor, request.params.attachmentId)
      return sendFile(reply, file.mediaType, file)
    },
  )
}
