import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PageQuery } from '@kechuang/core/pagination'
import {
  Screening,
  ScreeningPage,
  ScreeningParams,
  ScreeningResultPage,
  ScreeningResultQuery,
  ScreeningSummary,
  StartScreeningRequest,
} from '@kechuang/core/qualification'
import { sendFile } from '../../plugins/send-file'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import type { ScreeningsService } from './screenings.service'

const tags = ['资格评价']

const ScreeningExportQuery = ScreeningResultQuery.omit({ page: true, pageSize: true })

export const screeningsRoutes: FastifyPluginAsyncZod<{ service: ScreeningsService }> = async (
  app,
  { service },
) => {
  app.post(
    '/screenings',
    {
      schema: {
        tags,
        summary: '发起批量筛查（后台运行，轮询进度）',
        body: StartScreeningRequest,
        response: { 202: Screening },
      },
      config: { permission: 'qualification:screen' },
    },
    async (request, reply) => reply.status(202).send(await service.start(request.actor, request.body)),
  )
  app.get(
    '/screenings',
    {
      schema: { tags, summary: '筛查批次', querystring: PageQuery, response: { 200: ScreeningPage } },
      config: { permission: 'registers:read' },
    },
    (request) => service.list(request.actor, request.query),
  )
  app.get(
    '/screenings/:screeningId',
    {
      schema: {
        tags,
        summary: '筛查进度与汇总（按结论、地区、与上次相比的变化、建议）',
        params: ScreeningParams,
        response: { 200: ScreeningSummary },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.get(request.actor, request.params.screeningId),
  )
  app.get(
    '/screenings/:screeningId/results',
    {
      schema: {
        tags,
        summary: '筛查结果（按规则集、结论、地区、变化、接近符合排名、企业名称筛选）',
        params: ScreeningParams,
        querystring: ScreeningResultQuery,
        response: { 200: ScreeningResultPage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.results(request.actor, request.params.screeningId, request.query),
  )
  app.get(
    '/screenings/:screeningId/results.xlsx',
    {
      schema: {
        tags,
        summary: '导出筛查结果（Excel）',
        params: ScreeningParams,
        querystring: ScreeningExportQuery,
      },
      config: { permission: 'registers:read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX_CONTENT_TYPE,
        await service.exportResults(request.actor, request.params.screeningId, request.query),
      ),
  )
}
