import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  EnterpriseSearchQuery,
  EnterpriseSearchResult,
  ReviewAccept,
  ReviewItem,
  ReviewItemList,
  ReviewItemParams,
  ReviewQuery,
  ReviewReject,
} from '@kechuang/core/registers'
import { sendFile } from '../../plugins/send-file'
import type { ReviewQueueService } from './review-queue.service'

const tags = ['创新主体库']
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const reviewQueueRoutes: FastifyPluginAsyncZod<{ service: ReviewQueueService }> = async (
  app,
  { service },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '待确认匹配：按不确定程度排序（最难判断的在前）',
        querystring: ReviewQuery,
        response: { 200: ReviewItemList },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.list(request.actor, request.query),
  )
  app.get(
    '/export.xlsx',
    { schema: { tags, summary: '导出待确认匹配（Excel）' }, config: { permission: 'registers:read' } },
    async (request, reply) => sendFile(reply, XLSX_CONTENT_TYPE, await service.exportPending(request.actor)),
  )
  app.get(
    '/enterprises',
    {
      schema: {
        tags,
        summary: '按名称或信用代码查找企业（改选其他企业时使用）',
        querystring: EnterpriseSearchQuery,
        response: { 200: EnterpriseSearchResult },
      },
      config: { permission: 'registers:read' },
    },
    async (request) => ({ items: await service.searchEnterprises(request.query.q) }),
  )
  app.post(
    '/:itemId/accept',
    {
      schema: {
        tags,
        summary: '确认为某企业（候选之一或另选的企业），记录写入该企业',
        params: ReviewItemParams,
        body: ReviewAccept,
        response: { 200: ReviewItem },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.accept(request.actor, request.params.itemId, request.body.enterpriseId),
  )
  app.post(
    '/:itemId/reject',
    {
      schema: {
        tags,
        summary: '都不是：有有效信用代码的新建企业，否则保留为已驳回',
        params: ReviewItemParams,
        body: ReviewReject,
        response: { 200: ReviewItem },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.reject(request.actor, request.params.itemId, request.body.reason),
  )
}
