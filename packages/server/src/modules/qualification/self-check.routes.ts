import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  RuleSetIdValue,
  SaveSelfCheckRequest,
  SavedSelfCheck,
  SavedSelfCheckList,
  SelfCheckParams,
  SelfCheckUpload,
} from '@kechuang/core/qualification'
import { sendFile } from '../../plugins/send-file'
import { SELF_CHECK_UPLOAD_MAX_BYTES, selfCheckErrors } from './self-check.errors'
import type { SelfCheckService } from './self-check.service'

const tags = ['资格评价']
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const permission = 'qualification:self-check'

export const selfCheckRoutes: FastifyPluginAsyncZod<{ service: SelfCheckService }> = async (
  app,
  { service },
) => {
  // Multipart only for the upload of this plugin; a file past the cap is cut off and refused with 413.
  await app.register(multipart, { limits: { fileSize: SELF_CHECK_UPLOAD_MAX_BYTES, files: 1, fields: 5 } })

  app.get(
    '/self-check/template.xlsx',
    {
      schema: {
        tags,
        summary: '下载资格自测 Excel 模板（基本信息、会计年度、知识产权清单等）',
        querystring: z.strictObject({ ruleSet: RuleSetIdValue }),
      },
      config: { permission },
    },
    async (request, reply) =>
      sendFile(reply, XLSX_CONTENT_TYPE, await service.downloadTemplate(request.query.ruleSet)),
  )
  app.post(
    '/self-check/upload',
    {
      schema: {
        tags,
        summary: '上传填好的自测模板（multipart，字段 file）：读出数据填入表单，不保存任何数据',
        response: { 200: SelfCheckUpload },
      },
      config: { permission },
    },
    async (request) => {
      if (!request.isMultipart()) throw selfCheckErrors.UPLOAD_MISSING()
      const part = await request.file()
      if (!part) throw selfCheckErrors.UPLOAD_MISSING()
      let content: Buffer
      try {
        content = await part.toBuffer()
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw selfCheckErrors.UPLOAD_TOO_LARGE({ maxBytes: SELF_CHECK_UPLOAD_MAX_BYTES })
        }
        throw error
      }
      return service.readUpload(content)
    },
  )
  app.post(
    '/self-checks',
    {
      schema: {
        tags,
        summary: '保存一次自测（仅在用户要求时）：数据先按规则集校验并评价',
        body: SaveSelfCheckRequest,
        response: { 201: SavedSelfCheck },
      },
      config: { permission },
    },
    async (request, reply) => reply.status(201).send(await service.save(request.actor, request.body)),
  )
  app.get(
    '/self-checks',
    {
      schema: { tags, summary: '我保存的自测（最近 200 次）', response: { 200: SavedSelfCheckList } },
      config: { permission },
    },
    async (request) => ({ items: await service.list(request.actor) }),
  )
  app.delete(
    '/self-checks/:selfCheckId',
    {
      schema: { tags, summary: '删除我保存的一次自测', params: SelfCheckParams },
      config: { permission },
    },
    async (request, reply) => {
      await service.remove(request.actor, request.params.selfCheckId)
      return reply.status(204).send()
    },
  )
}
