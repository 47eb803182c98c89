import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  ImportResult,
  PlanIdParams,
  PlanReportQuery,
  PlanWorkbookQuery,
  TEMPLATE_UPLOAD_MAX_BYTES,
} from '@kechuang/core/indicators'
import { sendFile } from '../../plugins/send-file'
import { indicatorWorkbookErrors } from './indicator-workbooks.errors'
import type { IndicatorWorkbooksService } from './indicator-workbooks.service'

const tags = ['指标监测']
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const indicatorWorkbooksRoutes: FastifyPluginAsyncZod<{ service: IndicatorWorkbooksService }> = async (
  app,
  { service },
) => {
  // Multipart only for the upload below (this plugin's routes); everything else stays JSON.
  await app.register(multipart, { limits: { fileSize: TEMPLATE_UPLOAD_MAX_BYTES, files: 1, fields: 5 } })

  app.get(
    '/plans/:planId/template',
    {
      schema: {
        tags,
        summary: '下载某机构某年度的指标填报模板（Excel）',
        params: PlanIdParams,
        querystring: PlanWorkbookQuery,
      },
      config: { permission: 'indicators:read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX_CONTENT_TYPE,
        await service.downloadTemplate(request.actor, request.params.planId, request.query),
      ),
  )
  app.post(
    '/plans/:planId/import',
    {
      schema: {
        tags,
        summary: '上传填好的填报模板（multipart，字段 file）：全部通过才写入，否则逐行列出错误',
        params: PlanIdParams,
        response: { 200: ImportResult },
      },
      config: { permission: 'observations:report' },
    },
    async (request) => {
      if (!request.isMultipart()) throw indicatorWorkbookErrors.UPLOAD_MISSING()
      const part = await request.file()
      if (!part) throw indicatorWorkbookErrors.UPLOAD_MISSING()
      let content: Buffer
      try {
        content = await part.toBuffer()
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError)
          throw indicatorWorkbookErrors.UPLOAD_TOO_LARGE({ maxBytes: TEMPLATE_UPLOAD_MAX_BYTES })
        throw error
      }
      return service.importTemplate(request.actor, request.params.planId, content)
    },
  )
  app.get(
    '/plans/:planId/table.xlsx',
    {
      schema: {
        tags,
        summary: '按规划原表格式导出指标表（含所选年度实际值与状态）',
        params: PlanIdParams,
        querystring: PlanReportQuery,
      },
      config: { permission: 'indicators:read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX_CONTENT_TYPE,
        await service.downloadPlanTable(request.actor, request.params.planId, request.query),
      ),
  )
}
