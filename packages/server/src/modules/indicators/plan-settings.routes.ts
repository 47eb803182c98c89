import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { PlanIdParams, PlanSettings, PlanSettingsInput } from '@kechuang/core/indicators'
import type { PlanSettingsService } from './plan-settings.service'

const tags = ['指标监测']

export const planSettingsRoutes: FastifyPluginAsyncZod<{ service: PlanSettingsService }> = async (
  app,
  { service },
) => {
  app.patch(
    '/plans/:planId/settings',
    {
      schema: {
        tags,
        summary: '修改规划的进度路径（线性/等比增长）及状态阈值（预期性、约束性）；当前设置见规划详情',
        params: PlanIdParams,
        body: PlanSettingsInput,
        response: { 200: PlanSettings },
      },
      config: { permission: 'plans:configure' },
    },
    (request) => service.updateSettings(request.actor, request.params.planId, request.body),
  )
}
