import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  AcceptProposalRequest,
  Proposal,
  ProposalPage,
  ProposalParams,
  ProposalQuery,
  RejectProposalRequest,
  ScreeningParams,
} from '@kechuang/core/qualification'
import type { ProposalsService } from './proposals.service'

const tags = ['资格评价']

export const proposalsRoutes: FastifyPluginAsyncZod<{ service: ProposalsService }> = async (
  app,
  { service },
) => {
  app.get(
    '/screenings/:screeningId/proposals',
    {
      schema: {
        tags,
        summary: '筛查提出的高企后备库建议',
        params: ScreeningParams,
        querystring: ProposalQuery,
        response: { 200: ProposalPage },
      },
      config: { permission: 'registers:read' },
    },
    (request) => service.list(request.actor, request.params.screeningId, request.query),
  )
  app.post(
    '/proposals/:proposalId/accept',
    {
      schema: {
        tags,
        summary: '采纳建议：企业加入高企后备库（人工加入，附理由）',
        params: ProposalParams,
        body: AcceptProposalRequest,
        response: { 200: Proposal },
      },
      config: { permission: 'qualification:screen' },
    },
    (request) => service.accept(request.actor, request.params.proposalId, request.body.reason),
  )
  app.post(
    '/proposals/:proposalId/reject',
    {
      schema: {
        tags,
        summary: '驳回建议（须填写理由）',
        params: ProposalParams,
        body: RejectProposalRequest,
        response: { 200: Proposal },
      },
      config: { permission: 'qualification:screen' },
    },
    (request) => service.reject(request.actor, request.params.proposalId, request.body.reason),
  )
}
