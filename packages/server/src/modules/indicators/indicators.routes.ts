import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  Observation,
  ObservationIdParams,
  ObservationInput,
  ObservationList,
  ObservationQuery,
  PeriodLock,
  PeriodLockInput,
  PeriodLockList,
  PeriodLockParams,
  PlanDetail,
  PlanDetailQuery,
  PlanIdParams,
  PlanList,
} from '@kechuang/core/indicators'
import type { IndicatorsService } from './indicators.service'

const tags = ['指标监测']

export const indicatorsRoutes: FastifyPluginAsyncZod<{ service: IndicatorsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/plans',
    {
      schema: { tags, summary: '可见的规划（本辖区的及上级辖区的）', response: { 200: PlanList } },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listPlans(request.actor),
  )
  app.get(
    '/plans/:planId',
    {
      schema: {
        tags,
        summary: '规划详情：指标、基期、目标值及某机构的当前数值',
        params: PlanIdParams,
        querystring: PlanDetailQuery,
        response: { 200: PlanDetail },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.getPlan(request.actor, request.params.planId, request.query),
  )
  app.get(
    '/plans/:planId/observations',
    {
      schema: {
        tags,
        summary: '管辖范围内各机构的当前数值',
        params: PlanIdParams,
        querystring: ObservationQuery,
        response: { 200: ObservationList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listObservations(request.actor, request.params.planId, request.query),
  )
  app.post(
    '/plans/:planId/observations',
    {
      schema: {
        tags,
        summary: '填报指标数值（每次保存新增一个版本）',
        params: PlanIdParams,
        body: ObservationInput,
        response: { 201: Observation },
      },
      config: { permission: 'observations:report' },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.reportObservation(request.actor, request.params.planId, request.body)),
  )
  app.get(
    '/observations/:id/revisions',
    {
      schema: {
        tags,
        summary: '数值的全部版本（新的在前）',
        params: ObservationIdParams,
        response: { 200: ObservationList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listRevisions(request.actor, request.params.id),
  )
  app.get(
    '/plans/:planId/locks',
    {
      schema: {
        tags,
        summary: '与本人管辖范围有关的统计期锁定',
        params: PlanIdParams,
        response: { 200: PeriodLockList },
      },
      config: { permission: 'indicators:read' },
    },
    (request) => service.listLocks(request.actor, request.params.planId),
  )
  app.post(
    '/plans/:planId/locks',
    {
      schema: {
        tags,
        summary: '锁定统计期（该机构及下级机构不能再填报）',
        params: PlanIdParams,
        body: PeriodLockInput,
        response: { 201: PeriodLock },
      },
      config: { permission: 'periods:lock' },
    },
    async (request, reply) =>
      reply.status(201).send(await service.lockPeriod(request.actor, request.params.planId, request.body)),
  )
  app.delete(
    '/plans/:planId/locks/:orgUnitId/:year',
    {
      schema: { tags, summary: '解锁统计期', params: PeriodLockParams, response: { 204: z.null() } },
      config: { permission: 'periods:lock' },
    },
    async (request, reply) => {
      const { planId, orgUnitId, year } = request.params
      await service.unlockPeriod(request.actor, planId, { orgUnitId, year })
      return reply.status(204).send(null)
    },
  )
}
