import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AuditPage, AuditQuery } from '@kechuang/core/audit'
import type { AuditService } from './audit.service'

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['审计日志'],
        summary: '查询审计日志',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
      config: { permission: 'audit:read' },
    },
    (request) => service.list(request.actor, request.query),
  )
}
