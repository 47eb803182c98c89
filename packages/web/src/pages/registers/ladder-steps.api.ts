import {
  LadderCounts,
  LadderEnterprisePage,
  LadderMovement,
  type LadderEnterpriseQuery,
} from '@kechuang/core/registers'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

export interface LadderRange {
  orgUnitId?: string | undefined
  fromYear: number
  toYear: number
}

export type LadderCellQuery = Partial<
  Pick<LadderEnterpriseQuery, 'orgUnitId' | 'compareYear' | 'compareStep'>
> &
  Pick<LadderEnterpriseQuery, 'year' | 'step' | 'page' | 'pageSize'>

export const ladderKeys = {
  all: ['ladder'] as const,
  counts: (range: LadderRange) => ['ladder', 'counts', range] as const,
  movement: (range: LadderRange) => ['ladder', 'movement', range] as const,
  enterprises: (query: LadderCellQuery) => ['ladder', 'enterprises', query] as const,
}

export function ladderCountsQueryOptions(range: LadderRange) {
  return queryOptions({
    queryKey: ladderKeys.counts(range),
    queryFn: () => apiRequest('GET', '/registers/ladder/counts', LadderCounts, { query: { ...range } }),
    placeholderData: keepPreviousData,
  })
}

export function ladderMovementQueryOptions(range: LadderRange) {
  return queryOptions({
    queryKey: ladderKeys.movement(range),
    queryFn: () => apiRequest('GET', '/registers/ladder/movement', LadderMovement, { query: { ...range } }),
    placeholderData: keepPreviousData,
  })
}

export function ladderEnterprisesQueryOptions(query: LadderCellQuery) {
  return queryOptions({
    queryKey: ladderKeys.enterprises(query),
    queryFn: () =>
      apiRequest('GET', '/registers/ladder/enterprises', LadderEnterprisePage, { query: { ...query } }),
    placeholderData: keepPreviousData,
  })
}
