import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  CompositeIndexQuery,
  CompositeIndexRequest,
  CompositeIndexResponse,
  PlanDashboard,
  PlanDashboardQuery,
  PlanIdParams,
  PlanStatus,
  PlanStatusQuery,
} from '@kechuang/core/indicators'
import type { PlanStatusService } from './plan-status.service'

const tags = ['指标监测']

export const planStatusRoutes: FastifyPluginAsyncZod<{ service: PlanStatusService }> = async (
  app,
  { service },
) => {
  app.get(
    '/plans/:planId/status',
    {
      schema: {
        tags,
        summary: '某机构某年度各指标的完成情况（完成率、进度比、差距、状态及判定依据）',
        params: PlanIdParams,
        querystring: PlanStatusQuery,
        response: { 200: PlanStatus },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.getStatus(request.actor, request.params.planId, request.query),
  )
  app.get(
    '/plans/:planId/dashboard',
    {
      schema: {
        tags,
        summary: '规划驾驶舱：状态分布、约束性指标风险、滞后清单、趋势、下级机构对比、任务进展',
        params: PlanIdParams,
        querystring: PlanDashboardQuery,
        response: { 200: PlanDashboard },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.getDashboard(request.actor, request.params.planId, request.query),
  )
  app.get(
    '/plans/:planId/composite-index',
    {
      schema: {
        tags,
        summary: '下级机构综合指数排名，附计算方法、权重及各指标贡献',
        params: PlanIdParams,
        querystring: CompositeIndexQuery,
        response: { 200: CompositeIndexResponse },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.getCompositeIndex(request.actor, request.params.planId, request.query),
  )
  app.post(
    '/plans/:planId/composite-index',
    {
      schema: {
        tags,
        summary: '按请求体计算综合指数排名，可手动赋权或层次分析法（AHP）赋权并返回一致性检验',
        params: PlanIdParams,
        body: CompositeIndexRequest,
        response: { 200: CompositeIndexResponse },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.computeCompositeIndex(request.actor, request.params.planId, request.body),
  )
}
