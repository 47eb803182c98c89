import {
  Proposal,
  ProposalPage,
  type AcceptProposalRequest,
  type ProposalStatus,
  type RejectProposalRequest,
} from '@kechuang/core/qualification'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'
import { screeningKeys } from './screening-runs.api'

export interface ProposalListQuery {
  status?: ProposalStatus | undefined
  page: number
  pageSize: number
}

/** One page of a run's proposals to the 高企后备库, in rank order (the server's). */
export function proposalsQueryOptions(screeningId: string, query: ProposalListQuery) {
  return queryOptions({
    queryKey: screeningKeys.proposals(screeningId, { ...query }),
    queryFn: () =>
      apiRequest('GET', `/qualification/screenings/${screeningId}/proposals`, ProposalPage, {
        query: { ...query },
      }),
    placeholderData: keepPreviousData,
  })
}

/** Accepts a proposal: the enterprise joins the 高企后备库 as a manual addition with the reason. */
export function acceptProposal(
  proposalId: string,
  request: ReturnType<typeof AcceptProposalRequest.parse>,
): Promise<Proposal> {
  return apiRequest('POST', `/qualification/proposals/${proposalId}/accept`, Proposal, { body: request })
}

export function rejectProposal(
  proposalId: string,
  request: ReturnType<typeof RejectProposalRequest.parse>,
): Promise<Proposal> {
  return apiRequest('POST', `/qualification/proposals/${proposalId}/reject`, Proposal, { body: request })
}
