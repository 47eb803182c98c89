import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ImportIdParams,
  ImportMappingBody,
  ImportRowPage,
  ImportRowParams,
  ImportRowPatch,
  ImportRowQuery,
  ImportRowView,
  ListTypeParams,
  REGISTER_IMPORT_MAX_BYTES,
  RegisterImport,
  RegisterImportList,
  RegisterListTypeSchema,
  RememberedMapping,
} from '@kechuang/core/registers'
import { sendFile } from '../../plugins/send-file'
import { registerImportErrors } from './register-imports.errors'
import { saveUpload } from './register-imports.files'
import type { RegisterImportsService } from './register-imports.service'

const tags = ['创新主体库']
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const registerImportsRoutes: FastifyPluginAsyncZod<{ service: RegisterImportsService }> = async (
  app,
  { service },
) => {
  // Multipart only for the upload of this plugin; a file past the cap is cut off and refused with 413.
  await app.register(multipart, { limits: { fileSize: REGISTER_IMPORT_MAX_BYTES, files: 1, fields: 5 } })

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '上传名单（multipart，字段 file；.xlsx 或 .csv），开始读取；返回批次，轮询查看进度',
        querystring: z.strictObject({ listType: RegisterListTypeSchema }),
        response: { 202: RegisterImport },
      },
      config: { permission: 'registers:write' },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw registerImportErrors.UPLOAD_MISSING()
      const part = await request.file()
      if (!part) throw registerImportErrors.UPLOAD_MISSING()
      const upload = await saveUpload(
        part.file,
        REGISTER_IMPORT_MAX_BYTES,
        (error) => error instanceof app.multipartErrors.RequestFileTooLargeError,
      )
      const started = await service.start(
        request.actor,
        request.query.listType,
        part.filename || '名单',
        upload,
      )
      return reply.status(202).send(started)
    },
  )
  app.get(
    '/',
    {
      schema: { tags, summary: '导入历史（最近 50 批）', response: { 200: RegisterImportList } },
      config: { permission: 'registers:read' },
    },
    async (request) => ({ items: await service.list(request.actor) }),
  )
  app.get(
    '/mappings/:listType',
    {
      schema: {
        tags,
        summary: '该名单类型上次使用的列映射',
        params: ListTypeParams,
        response: { 200: RememberedMapping },
      },
      config: { permission: 'registers:read' },
    },
    async (request) => ({
      listType: request.params.listType,
      mapping: await service.rememberedMapping(request.params.listType),
    }),
  )
  app.get(
    '/:importId',
    {
      schema: {
        tags,
        summary: '导入批次：进度、列映射、各类行数、导入结果',
        params: ImportIdParams,
        response: { 200: RegisterImport },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.get(request.actor, request.params.importId),
  )
  app.patch(
    '/:importId/mapping',
    {
      schema: {
        tags,
        summary: '修改列映射并重新检查全部行（记住为该名单类型的映射）',
        params: ImportIdParams,
        body: ImportMappingBody,
        response: { 200: RegisterImport },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.setMapping(request.actor, request.params.importId, request.body.mapping),
  )
  app.get(
    '/:importId/rows',
    {
      schema: {
        tags,
        summary: '预览：逐行检查结果与匹配情况',
        params: ImportIdParams,
        querystring: ImportRowQuery,
        response: { 200: ImportRowPage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.rows(request.actor, request.params.importId, request.query),
  )
  app.patch(
    '/:importId/rows/:rowNumber',
    {
      schema: {
        tags,
        summary: '在预览中改正某行的单元格，重新检查并匹配',
        params: ImportRowParams,
        body: ImportRowPatch,
        response: { 200: ImportRowView },
      },
      config: { permission: 'registers:write' },
    },
    (request) =>
      service.fixRow(request.actor, request.params.importId, request.params.rowNumber, request.body.values),
  )
  app.post(
    '/:importId/commit',
    {
      schema: {
        tags,
        summary: '确认导入：全部行无错误时在一个事务中写入，否则不写入任何数据',
        params: ImportIdParams,
        response: { 200: RegisterImport },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.commit(request.actor, request.params.importId),
  )
  app.get(
    '/:importId/errors.xlsx',
    {
      schema: { tags, summary: '导出错误清单（Excel）', params: ImportIdParams },
      config: { permission: 'registers:read' },
    },
    async (request, reply) =>
      sendFile(reply, XLSX_CONTENT_TYPE, await service.exportErrors(request.actor, request.params.importId)),
  )
}
