import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  EngagementBoard,
  EngagementBoardQuery,
  EngagementDetail,
  EngagementFunnel,
  EngagementFunnelQuery,
  EngagementInput,
  EngagementPage,
  EngagementQuery,
  EngagementStepInput,
  MarketplaceIdParams,
  TechContract,
  TechContractInput,
  TechContractPage,
  TechContractQuery,
  TechContractTotals,
  TechContractTotalsQuery,
  TechEventDetail,
  TechEventInput,
  TechEventPage,
  TechEventQuery,
} from '@kechuang/core/marketplace'
import { sendFile } from '../../plugins/send-file'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import type { ContractsService } from './contracts.service'
import type { EngagementFunnelService } from './engagement-funnel.service'
import type { EngagementsService } from './engagements.service'
import type { EventsService } from './events.service'

const tags = ['成果转化与供需对接']
const deals = { permission: 'marketplace:deals' } as const
const manage = { permission: 'marketplace:manage' } as const
const params = MarketplaceIdParams
const noContent = { 204: z.null() }

// From recommendation to deal: 对接 records, 对接活动 and the 技术合同 registry. The bureau's roles read them; staff
// (marketplace:manage) change those of their own region, which the services check.
export const dealRoutes: FastifyPluginAsyncZod<{
  engagements: EngagementsService
  funnel: EngagementFunnelService
  events: EventsService
  contracts: ContractsService
}> = async (app, { engagements, funnel, events, contracts }) => {
  // ----- 对接 records
  app.get(
    '/engagements',
    {
      schema: {
        tags,
        summary: '对接记录列表（关键词、状态、需求、成果、专家、地区筛选，最近更新在前）',
        querystring: EngagementQuery,
        response: { 200: EngagementPage },
      },
      config: deals,
    },
    (request) => engagements.list(request.actor, request.query),
  )
  app.get(
    '/engagements/board',
    {
      schema: {
        tags,
        summary: '对接看板（每个状态的数量与最近更新的对接）',
        querystring: EngagementBoardQuery,
        response: { 200: EngagementBoard },
      },
      config: deals,
    },
    (request) => engagements.board(request.actor, request.query),
  )
  app.get(
    '/engagements/funnel',
    {
      schema: {
        tags,
        summary: '对接漏斗（推荐→联系→会面→洽谈→合同各阶段到达数与转化率，按发起年度、地区）',
        querystring: EngagementFunnelQuery,
        response: { 200: EngagementFunnel },
      },
      config: deals,
    },
    (request) => funnel.funnel(request.actor, request.query),
  )
  app.get(
    '/engagements/:id',
    {
      schema: { tags, summary: '对接记录详情（含跟进步骤）', params, response: { 200: EngagementDetail } },
      config: deals,
    },
    (request) => engagements.get(request.actor, request.params.id),
  )
  app.post(
    '/engagements',
    {
      schema: {
        tags,
        summary: '开始对接（需求与成果或专家）',
        body: EngagementInput,
        response: { 201: EngagementDetail },
      },
      config: manage,
    },
    async (request, reply) => reply.status(201).send(await engagements.create(request.actor, request.body)),
  )
  app.post(
    '/engagements/:id/steps',
    {
      schema: {
        tags,
        summary: '登记对接进展（改变状态，可关联对接活动）',
        params,
        body: EngagementStepInput,
        response: { 200: EngagementDetail },
      },
      config: manage,
    },
    (request) => engagements.addStep(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/engagements/:id',
    { schema: { tags, summary: '删除误加的对接记录', params, response: noContent }, config: manage },
    async (request, reply) => {
      await engagements.remove(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )

  // ----- 对接活动
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: '对接活动列表（关键词、类型、年份、地区筛选，最近举办在前）',
        querystring: TechEventQuery,
        response: { 200: TechEventPage },
      },
      config: deals,
    },
    (request) => events.list(request.actor, request.query),
  )
  app.get(
    '/events/:id',
    {
      schema: { tags, summary: '对接活动详情（含关联的对接）', params, response: { 200: TechEventDetail } },
      config: deals,
    },
    (request) => events.get(request.actor, request.params.id),
  )
  app.post(
    '/events',
    {
      schema: { tags, summary: '新增对接活动', body: TechEventInput, response: { 201: TechEventDetail } },
      config: manage,
    },
    async (request, reply) => reply.status(201).send(await events.create(request.actor, request.body)),
  )
  app.patch(
    '/events/:id',
    {
      schema: {
        tags,
        summary: '修改对接活动',
        params,
        body: TechEventInput,
        response: { 200: TechEventDetail },
      },
      config: manage,
    },
    (request) => events.update(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/events/:id',
    { schema: { tags, summary: '删除对接活动', params, response: noContent }, config: manage },
    async (request, reply) => {
      await events.remove(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )

  // ----- 技术合同
  app.get(
    '/contracts',
    {
      schema: {
        tags,
        summary: '技术合同登记列表（关键词、类型、年份、地区筛选，最近签订在前）',
        querystring: TechContractQuery,
        response: { 200: TechContractPage },
      },
      config: deals,
    },
    (request) => contracts.list(request.actor, request.query),
  )
  app.get(
    '/contracts/totals',
    {
      schema: {
        tags,
        summary: '技术合同成交额（按年份、地区、合同类型汇总）',
        querystring: TechContractTotalsQuery,
        response: { 200: TechContractTotals },
      },
      config: deals,
    },
    (request) => contracts.totals(request.actor, request.query),
  )
  app.get(
    '/contracts/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出技术合同登记表（Excel，筛选条件同列表）',
        querystring: TechContractQuery,
      },
      config: deals,
    },
    async (request, reply) => {
      const { page: _page, pageSize: _pageSize, ...filter } = request.query
      return sendFile(reply, XLSX_CONTENT_TYPE, await contracts.downloadWorkbook(request.actor, filter))
    },
  )
  app.get(
    '/contracts/:id',
    { schema: { tags, summary: '技术合同详情', params, response: { 200: TechContract } }, config: deals },
    (request) => contracts.get(request.actor, request.params.id),
  )
  app.post(
    '/contracts',
    {
      schema: {
        tags,
        summary: '登记技术合同（可关联对接，对接转为已签合同）',
        body: TechContractInput,
        response: { 201: TechContract },
      },
      config: manage,
    },
    async (request, reply) => reply.status(201).send(await contracts.create(request.actor, request.body)),
  )
  app.patch(
    '/contracts/:id',
    {
      schema: {
        tags,
        summary: '修改技术合同',
        params,
        body: TechContractInput,
        response: { 200: TechContract },
      },
      config: manage,
    },
    (request) => contracts.update(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/contracts/:id',
    {
      schema: { tags, summary: '撤销技术合同（关联的对接回到洽谈中）', params, response: noContent },
      config: manage,
    },
    async (request, reply) => {
      await contracts.remove(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
