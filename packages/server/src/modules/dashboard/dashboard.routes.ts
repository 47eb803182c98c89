import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DashboardSummary } from '@kechuang/core/dashboard'
import type { DashboardService } from './dashboard.service'

export const dashboardRoutes: FastifyPluginAsyncZod<{ service: DashboardService }> = async (
  app,
  { service },
) => {
  app.get(
    '/summary',
    {
      schema: { tags: ['驾驶舱'], summary: '管辖范围概况', response: { 200: DashboardSummary } },
      config: { permission: 'dashboard:read' },
    },
    (request) => service.summary(request.actor),
  )
}
