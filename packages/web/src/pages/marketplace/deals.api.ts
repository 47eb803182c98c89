import {
  EngagementBoard,
  EngagementDetail,
  EngagementFunnel,
  TechContract,
  TechContractPage,
  TechContractTotals,
  TechEventDetail,
  TechEventPage,
  type EngagementInput,
  type EngagementStepInput,
  type TechContractInput,
  type TechEventInput,
} from '@kechuang/core/marketplace'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { NO_CONTENT, apiRequest, downloadApiFile, type QueryParams } from '../../lib/api-client'
import { marketplaceKeys } from './marketplace.api'

// The 对接 / 对接活动 / 技术合同 routes (contract: `deal-api.schemas.ts`). Their keys sit under marketplaceKeys.all, so
// the marketplace forms' "refresh everything" after a save covers them too.
const BASE = '/marketplace'

export const dealKeys = {
  all: [...marketplaceKeys.all, 'deals'] as const,
  board: (query: QueryParams) => [...marketplaceKeys.all, 'deals', 'board', query] as const,
  funnel: (query: QueryParams) => [...marketplaceKeys.all, 'deals', 'funnel', query] as const,
  engagement: (id: string) => [...marketplaceKeys.all, 'deals', 'engagement', id] as const,
  events: (query: QueryParams) => [...marketplaceKeys.all, 'deals', 'events', query] as const,
  event: (id: string) => [...marketplaceKeys.all, 'deals', 'event', id] as const,
  contracts: (query: QueryParams) => [...marketplaceKeys.all, 'deals', 'contracts', query] as const,
  contract: (id: string) => [...marketplaceKeys.all, 'deals', 'contract', id] as const,
  totals: (query: QueryParams) => [...marketplaceKeys.all, 'deals', 'totals', query] as const,
}

// ---- 对接

export const engagementBoardQueryOptions = (query: QueryParams) =>
  queryOptions({
    queryKey: dealKeys.board(query),
    queryFn: () => apiRequest('GET', `${BASE}/engagements/board`, EngagementBoard, { query }),
    placeholderData: keepPreviousData,
  })

export const engagementFunnelQueryOptions = (query: QueryParams) =>
  queryOptions({
    queryKey: dealKeys.funnel(query),
    queryFn: () => apiRequest('GET', `${BASE}/engagements/funnel`, EngagementFunnel, { query }),
    placeholderData: keepPreviousData,
  })

export const engagementQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.engagement(id),
    queryFn: () => apiRequest('GET', `${BASE}/engagements/${id}`, EngagementDetail),
  })

/** Starts a 对接; a second one for the same pair is refused with ENGAGEMENT_EXISTS (details.id: the existing one). */
export function createEngagement(input: EngagementInput): Promise<EngagementDetail> {
  return apiRequest('POST', `${BASE}/engagements`, EngagementDetail, { body: input })
}

export function moveEngagement(id: string, input: EngagementStepInput): Promise<EngagementDetail> {
  return apiRequest('POST', `${BASE}/engagements/${id}/steps`, EngagementDetail, { body: input })
}

export function deleteEngagement(id: string): Promise<void> {
  return apiRequest('DELETE', `${BASE}/engagements/${id}`, NO_CONTENT)
}

// ---- 对接活动

export const techEventsQueryOptions = (query: QueryParams) =>
  queryOptions({
    queryKey: dealKeys.events(query),
    queryFn: () => apiRequest('GET', `${BASE}/events`, TechEventPage, { query }),
    placeholderData: keepPreviousData,
  })

export const techEventQueryOptions = (id: string) =>
  queryOptions({
    queryKey: dealKeys.event(id),
    queryFn: () => apiRequest('GET', `${BASE}/events/${id}`, TechEventDetail),
  })

/** Creates (no id) or replaces with the full input (id, PATCH) a 对接活动. */
export function saveTechEvent(input: TechEventInput, id?: string): Promise<TechEventDetail> {
  return id
    ? apiRequest('PATCH', `${BASE}/events/${id}`, TechEventDetail, { body: input })
    : apiRequest('POST', `${BASE}/events`, TechEventDetail, { body: input })
}

export function deleteTechEvent(id: string): Promise<void> {
  return apiRequest('DELETE', `${BASE}/events/${id}`, NO_CONTENT)
}

// ---- 技术合同

export const techContractsQueryOptions = (query: QueryParams) =>
  queryOptions({
    queryKey: dealKeys.contracts(query),
    queryFn: () => apiRequest('GET', `${BASE}/contracts`, TechContractPage, { query }),
    placeholderData: keepPreviousData,
  })

export const techContractTotalsQueryOptions = (query: QueryParams) =>
  queryOptions({
    queryKey: dealKeys.totals(query),
    queryFn: () => apiRequest('GET', `${BASE}/contracts/totals`, TechContractTotals, { query }),
    placeholderData: keepPreviousData,
  })

/** Registers (no id) or replaces with the full input (id, PATCH) a 技术合同. */
export function saveTechContract(input: TechContractInput, id?: string): Promise<TechContract> {
  return id
    ? apiRequest('PATCH', `${BASE}/contracts/${id}`, TechContract, { body: input })
    : apiRequest('POST', `${BASE}/contracts`, TechContract, { body: input })
}

export function deleteTechContract(id: string): Promise<void> {
  return apiRequest('DELETE', `${BASE}/contracts/${id}`, NO_CONTENT)
}

/** The registry under the list's filters as an Excel workbook. */
export function downloadTechContracts(query: QueryParams): Promise<void> {
  return downloadApiFile(`${BASE}/contracts/export.xlsx`, query, '技术合同登记.xlsx')
}
