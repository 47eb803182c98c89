import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Observation, PlanIdParams } from '@kechuang/core/indicators'
import { AdoptRegisterValueInput, RegisterValueList, RegisterValuesQuery } from '@kechuang/core/registers'
import type { RegisterMetricsService } from './register-metrics.service'

const tags = ['指标监测']

// Under /plans/:planId like the other M1 value routes; the values come from the M2 registers.
export const registerMetricsRoutes: FastifyPluginAsyncZod<{ service: RegisterMetricsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/plans/:planId/register-values',
    {
      schema: {
        tags,
        summary: '由创新主体库、技术合同登记计算的指标值（当年，本级及下级）',
        params: PlanIdParams,
        querystring: RegisterValuesQuery,
        response: { 200: RegisterValueList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.list(request.actor, request.params.planId, request.query),
  )
  app.post(
    '/plans/:planId/register-values/adopt',
    {
      schema: {
        tags,
        summary: '采用计算值（创新主体库或技术合同登记），保存为“计算”类数值',
        params: PlanIdParams,
        body: AdoptRegisterValueInput,
        response: { 201: Observation },
      },
      config: { permission: 'observations:report' },
    },
    async (request, reply) =>
      reply.status(201).send(await service.adopt(request.actor, request.params.planId, request.body)),
  )
}
