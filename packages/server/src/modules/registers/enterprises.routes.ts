import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  EnterpriseClusterResult,
  EnterpriseFilter,
  EnterpriseIdParams,
  EnterpriseIpPage,
  EnterpriseIpQuery,
  EnterpriseListQuery,
  EnterpriseMergeInput,
  EnterpriseMergePreview,
  EnterprisePage,
  EnterpriseProfile,
  EnterpriseSplitInput,
} from '@kechuang/core/registers'
import { sendFile } from '../../plugins/send-file'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import type { EnterprisesService } from './enterprises.service'

const tags = ['创新主体库']

export const enterprisesRoutes: FastifyPluginAsyncZod<{ service: EnterprisesService }> = async (
  app,
  { service },
) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '企业库：按名称、地区、行业、主导产业、资质、是否合成数据筛选，服务端排序分页',
        querystring: EnterpriseListQuery,
        response: { 200: EnterprisePage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.list(request.actor, request.query),
  )
  app.get(
    '/export.xlsx',
    {
      schema: { tags, summary: '按当前筛选条件导出企业库（Excel）', querystring: EnterpriseFilter },
      config: { permission: 'registers:read' },
    },
    async (request, reply) =>
      sendFile(reply, XLSX_CONTENT_TYPE, await service.exportWorkbook(request.actor, request.query)),
  )
  app.post(
    '/merge/preview',
    {
      schema: {
        tags,
        summary: '合并预览：两家企业各有多少记录、合并后的企业编号、能否合并',
        body: EnterpriseMergeInput,
        response: { 200: EnterpriseMergePreview },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.previewMerge(request.actor, request.body),
  )
  app.post(
    '/merge',
    {
      schema: {
        tags,
        summary: '合并两家企业（记录“是同一主体”的判断，可拆分撤销）',
        body: EnterpriseMergeInput,
        response: { 200: EnterpriseClusterResult },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.merge(request.actor, request.body),
  )
  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: '企业画像：基本信息、年度数据、资质、平台、知识产权、项目、人才、时间线及来源',
        params: EnterpriseIdParams,
        response: { 200: EnterpriseProfile },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.getProfile(request.actor, request.params.id),
  )
  app.get(
    '/:id/ip',
    {
      schema: {
        tags,
        summary: '企业的知识产权（分页，最新在前）',
        params: EnterpriseIdParams,
        querystring: EnterpriseIpQuery,
        response: { 200: EnterpriseIpPage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.listIp(request.actor, request.params.id, request.query),
  )
  app.post(
    '/:id/split',
    {
      schema: {
        tags,
        summary: '拆分：把所选成员记录从企业中分出（撤回合并判断）',
        params: EnterpriseIdParams,
        body: EnterpriseSplitInput,
        response: { 200: EnterpriseClusterResult },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.split(request.actor, request.params.id, request.body),
  )
}
