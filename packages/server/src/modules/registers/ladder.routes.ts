import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  LadderCounts,
  LadderEnterprisePage,
  LadderEnterpriseQuery,
  LadderMovement,
  LadderMovementQuery,
  LadderQuery,
} from '@kechuang/core/registers'
import type { LadderService } from './ladder.service'

const tags = ['梯次培育']

export const ladderRoutes: FastifyPluginAsyncZod<{ service: LadderService }> = async (app, { service }) => {
  app.get(
    '/counts',
    {
      schema: {
        tags,
        summary: '各梯次企业数（按年末、按下级地区）',
        querystring: LadderQuery,
        response: { 200: LadderCounts },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.counts(request.actor, request.query),
  )
  app.get(
    '/movement',
    {
      schema: {
        tags,
        summary: '两个年份之间的梯次变动（含新进入、退出）',
        querystring: LadderMovementQuery,
        response: { 200: LadderMovement },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.movement(request.actor, request.query),
  )
  app.get(
    '/enterprises',
    {
      schema: {
        tags,
        summary: '某梯次（或某一变动）的企业名单',
        querystring: LadderEnterpriseQuery,
        response: { 200: LadderEnterprisePage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.enterprises(request.actor, request.query),
  )
}
