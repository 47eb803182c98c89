import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  OrgUnit,
  OrgUnitCreateInput,
  OrgUnitIdParams,
  OrgUnitList,
  OrgUnitMoveInput,
  OrgUnitUpdateInput,
} from '@kechuang/core/org-units'
import type { OrgUnitsService } from './org-units.service'

const tags = ['组织机构']

export const orgUnitsRoutes: FastifyPluginAsyncZod<{ service: OrgUnitsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/',
    {
      schema: { tags, summary: '管辖范围内的全部机构（平铺，按层级排序）', response: { 200: OrgUnitList } },
      config: { permission: 'org-units:read' },
    },
    (request) => service.list(request.actor),
  )
  app.get(
    '/:id',
    {
      schema: { tags, summary: '机构详情', params: OrgUnitIdParams, response: { 200: OrgUnit } },
      config: { permission: 'org-units:read' },
    },
    (request) => service.get(request.actor, request.params.id),
  )
  app.post(
    '/',
    {
      schema: { tags, summary: '新建机构', body: OrgUnitCreateInput, response: { 201: OrgUnit } },
      config: { permission: 'org-units:write' },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.actor, request.body)),
  )
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: '修改机构',
        params: OrgUnitIdParams,
        body: OrgUnitUpdateInput,
        response: { 200: OrgUnit },
      },
      config: { permission: 'org-units:write' },
    },
    (request) => service.update(request.actor, request.params.id, request.body),
  )
  app.post(
    '/:id/move',
    {
      schema: {
        tags,
        summary: '移动机构（连同下级）',
        params: OrgUnitIdParams,
        body: OrgUnitMoveInput,
        response: { 200: OrgUnit },
      },
      config: { permission: 'org-units:write' },
    },
    (request) => service.move(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: '删除机构（无下级、无用户时）',
        params: OrgUnitIdParams,
        response: { 204: z.null() },
      },
      config: { permission: 'org-units:write' },
    },
    async (request, reply) => {
      await service.remove(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
