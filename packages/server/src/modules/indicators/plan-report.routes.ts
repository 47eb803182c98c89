import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PlanIdParams, PlanReportQuery } from '@kechuang/core/indicators'
import { sendFile } from '../../plugins/send-file'
import type { PlanReportService } from './plan-report.service'

const tags = ['指标监测']
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const planReportRoutes: FastifyPluginAsyncZod<{ service: PlanReportService }> = async (
  app,
  { service },
) => {
  app.get(
    '/plans/:planId/report.docx',
    {
      schema: {
        tags,
        summary: '下载规划的中期/总结评估报告（Word）：概述、指标表、图表、滞后指标差距、任务进展',
        params: PlanIdParams,
        querystring: PlanReportQuery,
      },
      config: { permission: 'indicators:read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        DOCX_CONTENT_TYPE,
        await service.downloadReport(request.actor, request.params.planId, request.query),
      ),
  )
}
