import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  Expert,
  ExpertInput,
  ExpertPage,
  ExpertQuery,
  MarketplaceIdParams,
  RecommendationList,
  RecommendationQuery,
  TechNeed,
  TechNeedDirectoryQuery,
  TechNeedInput,
  TechNeedPage,
  TechNeedQuery,
  TechResult,
  TechResultInput,
  TechResultPage,
  TechResultQuery,
} from '@kechuang/core/marketplace'
import { sendFile } from '../../plugins/send-file'
import { DOCX_CONTENT_TYPE } from '../indicators/plan-report.routes'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import type { MarketplaceService } from './marketplace.service'
import type { NeedDirectoryService } from './need-directory.service'
import type { RecommendationsService } from './recommendations.service'

const tags = ['成果转化与供需对接']
const read = { permission: 'marketplace:read' } as const
const publish = { permission: 'marketplace:publish' } as const
const manage = { permission: 'marketplace:manage' } as const
const params = MarketplaceIdParams
const noContent = { 204: z.null() }

// Updates take the whole record (the form's values), checked by the same schema as a new one. Editing and deleting
// a 成果 or 需求 also needs to be its publisher or marketplace staff, which the service checks.
export const marketplaceRoutes: FastifyPluginAsyncZod<{
  service: MarketplaceService
  recommendations: RecommendationsService
  directory: NeedDirectoryService
}> = async (app, { service, recommendations, directory }) => {
  // ----- 科技成果
  app.get(
    '/results',
    {
      schema: {
        tags,
        summary: '科技成果列表（关键词、产业领域、成熟度、地区筛选，分页）',
        querystring: TechResultQuery,
        response: { 200: TechResultPage },
      },
      config: read,
    },
    (request) => service.listResults(request.actor, request.query),
  )
  app.get(
    '/results/:id',
    { schema: { tags, summary: '科技成果详情', params, response: { 200: TechResult } }, config: read },
    (request) => service.getResult(request.actor, request.params.id),
  )
  app.post(
    '/results',
    {
      schema: { tags, summary: '发布科技成果', body: TechResultInput, response: { 201: TechResult } },
      config: publish,
    },
    async (request, reply) => reply.status(201).send(await service.createResult(request.actor, request.body)),
  )
  app.patch(
    '/results/:id',
    {
      schema: { tags, summary: '修改科技成果', params, body: TechResultInput, response: { 200: TechResult } },
      config: publish,
    },
    (request) => service.updateResult(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/results/:id',
    { schema: { tags, summary: '删除科技成果', params, response: noContent }, config: publish },
    async (request, reply) => {
      await service.deleteResult(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )
  app.get(
    '/results/:id/recommendations',
    {
      schema: {
        tags,
        summary: '为科技成果推荐技术需求（附共同技术词与理由）',
        params,
        querystring: RecommendationQuery,
        response: { 200: RecommendationList },
      },
      config: read,
    },
    (request) => recommendations.forResult(request.actor, request.params.id, request.query),
  )

  // ----- 技术需求
  app.get(
    '/needs',
    {
      schema: {
        tags,
        summary: '技术需求列表（关键词、产业领域、状态、地区筛选，分页）',
        querystring: TechNeedQuery,
        response: { 200: TechNeedPage },
      },
      config: read,
    },
    (request) => service.listNeeds(request.actor, request.query),
  )
  // 《企业科技需求目录》: the needs of a year by 产业领域 (static paths, matched before /needs/:id).
  app.get(
    '/needs/directory.docx',
    {
      schema: {
        tags,
        summary: '下载年度《企业科技需求目录》（Word，按产业领域分组）',
        querystring: TechNeedDirectoryQuery,
      },
      config: read,
    },
    async (request, reply) =>
      sendFile(reply, DOCX_CONTENT_TYPE, await directory.downloadDocument(request.actor, request.query)),
  )
  app.get(
    '/needs/directory.xlsx',
    {
      schema: {
        tags,
        summary: '下载年度《企业科技需求目录》（Excel，每个产业领域一张表，另附汇总表）',
        querystring: TechNeedDirectoryQuery,
      },
      config: read,
    },
    async (request, reply) =>
      sendFile(reply, XLSX_CONTENT_TYPE, await directory.downloadWorkbook(request.actor, request.query)),
  )
  app.get(
    '/needs/:id',
    { schema: { tags, summary: '技术需求详情', params, response: { 200: TechNeed } }, config: read },
    (request) => service.getNeed(request.actor, request.params.id),
  )
  app.post(
    '/needs',
    {
      schema: { tags, summary: '发布技术需求', body: TechNeedInput, response: { 201: TechNeed } },
      config: publish,
    },
    async (request, reply) => reply.status(201).send(await service.createNeed(request.actor, request.body)),
  )
  app.patch(
    '/needs/:id',
    {
      schema: { tags, summary: '修改技术需求', params, body: TechNeedInput, response: { 200: TechNeed } },
      config: publish,
    },
    (request) => service.updateNeed(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/needs/:id',
    { schema: { tags, summary: '删除技术需求', params, response: noContent }, config: publish },
    async (request, reply) => {
      await service.deleteNeed(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )
  app.get(
    '/needs/:id/recommendations',
    {
      schema: {
        tags,
        summary: '为技术需求推荐科技成果或专家（附共同技术词与理由）',
        params,
        querystring: RecommendationQuery,
        response: { 200: RecommendationList },
      },
      config: read,
    },
    (request) => recommendations.forNeed(request.actor, request.params.id, request.query),
  )

  // ----- 专家库
  app.get(
    '/experts',
    {
      schema: {
        tags,
        summary: '专家库列表（关键词、产业领域、地区筛选，分页）',
        querystring: ExpertQuery,
        response: { 200: ExpertPage },
      },
      config: read,
    },
    (request) => service.listExperts(request.actor, request.query),
  )
  app.get(
    '/experts/:id/recommendations',
    {
      schema: {
        tags,
        summary: '为专家推荐技术需求（附共同技术词与理由）',
        params,
        querystring: RecommendationQuery,
        response: { 200: RecommendationList },
      },
      config: read,
    },
    (request) => recommendations.forExpert(request.actor, request.params.id, request.query),
  )
  app.get(
    '/experts/:id',
    { schema: { tags, summary: '专家详情', params, response: { 200: Expert } }, config: read },
    (request) => service.getExpert(request.actor, request.params.id),
  )
  app.post(
    '/experts',
    { schema: { tags, summary: '新增专家', body: ExpertInput, response: { 201: Expert } }, config: manage },
    async (request, reply) => reply.status(201).send(await service.createExpert(request.actor, request.body)),
  )
  app.patch(
    '/experts/:id',
    {
      schema: { tags, summary: '修改专家信息', params, body: ExpertInput, response: { 200: Expert } },
      config: manage,
    },
    (request) => service.updateExpert(request.actor, request.params.id, request.body),
  )
  app.delete(
    '/experts/:id',
    { schema: { tags, summary: '删除专家', params, response: noContent }, config: manage },
    async (request, reply) => {
      await service.deleteExpert(request.actor, request.params.id)
      return reply.status(204).send(null)
    },
  )
}
