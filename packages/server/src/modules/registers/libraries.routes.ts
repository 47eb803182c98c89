import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  LibraryCuration,
  LibraryCurationInput,
  LibraryCurationParams,
  LibraryMemberPage,
  LibraryMemberQuery,
  LibraryParams,
  LibrarySummaryList,
} from '@kechuang/core/registers'
import { sendFile } from '../../plugins/send-file'
import { XLSX_CONTENT_TYPE } from '../indicators/indicator-workbooks.routes'
import type { LibrariesService } from './libraries.service'

const tags = ['五库']

const LibraryExportQuery = LibraryMemberQuery.omit({ page: true, pageSize: true })

export const librariesRoutes: FastifyPluginAsyncZod<{ service: LibrariesService }> = async (
  app,
  { service },
) => {
  app.get(
    '/',
    {
      schema: { tags, summary: '五库及其入库规则', response: { 200: LibrarySummaryList } },
      config: { permission: 'registers:read' },
    },
    () => service.summaries(),
  )
  app.get(
    '/:library/members',
    {
      schema: {
        tags,
        summary: '库成员（规则入库 + 人工加入 − 人工移出），附入库理由',
        params: LibraryParams,
        querystring: LibraryMemberQuery,
        response: { 200: LibraryMemberPage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.listMembers(request.actor, request.params.library, request.query),
  )
  app.get(
    '/:library/members.xlsx',
    {
      schema: {
        tags,
        summary: '导出库成员（Excel）',
        params: LibraryParams,
        querystring: LibraryExportQuery,
      },
      config: { permission: 'registers:read' },
    },
    async (request, reply) =>
      sendFile(
        reply,
        XLSX_CONTENT_TYPE,
        await service.exportMembers(request.actor, request.params.library, request.query),
      ),
  )
  app.post(
    '/:library/curations',
    {
      schema: {
        tags,
        summary: '人工加入或移出（须填写理由）',
        params: LibraryParams,
        body: LibraryCurationInput,
        response: { 201: LibraryCuration },
      },
      config: { permission: 'registers:write' },
    },
    async (request, reply) =>
      reply.status(201).send(await service.curate(request.actor, request.params.library, request.body)),
  )
  app.post(
    '/:library/curations/:curationId/withdraw',
    {
      schema: {
        tags,
        summary: '撤回人工调整',
        params: LibraryCurationParams,
        response: { 200: LibraryCuration },
      },
      config: { permission: 'registers:write' },
    },
    (request) => service.withdraw(request.actor, request.params.library, request.params.curationId),
  )
}
