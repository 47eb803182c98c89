import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { EnterpriseVerdictQuery, EnterpriseVerdicts } from '@kechuang/core/qualification'
import { uuid } from '@kechuang/core/validation'
import type { RegisterEvaluationsService } from './register-evaluations.service'

const tags = ['资格评价']

const EnterpriseParams = z.strictObject({ enterpriseId: uuid('企业编号') })

export const registerEvaluationsRoutes: FastifyPluginAsyncZod<{
  service: RegisterEvaluationsService
}> = async (app, { service }) => {
  app.get(
    '/enterprises/:enterpriseId/verdicts',
    {
      schema: {
        tags,
        summary: '按登记库数据对一家企业做科技型中小企业、高新技术企业预评价（不保存）',
        params: EnterpriseParams,
        querystring: EnterpriseVerdictQuery,
        response: { 200: EnterpriseVerdicts },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.verdicts(request.actor, request.params.enterpriseId, request.query.date),
  )
}
