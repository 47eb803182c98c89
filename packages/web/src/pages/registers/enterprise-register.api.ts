import {
  EnterpriseClusterResult,
  EnterpriseIpPage,
  EnterpriseMergePreview,
  EnterprisePage,
  EnterpriseProfile,
  type EnterpriseMergeInput,
  type EnterpriseSplitInput,
} from '@kechuang/core/registers'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest, downloadApiFile, type QueryParams } from '../../lib/api-client'

const BASE = '/registers/enterprises'

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (query: QueryParams) => ['enterprises', 'list', query] as const,
  profile: (id: string) => ['enterprises', 'profile', id] as const,
  ip: (id: string, query: QueryParams) => ['enterprises', 'ip', id, query] as const,
}

/** One page of the 企业库 under a filter; the previous page stays on screen while the next loads. */
export function enterprisesQueryOptions(query: QueryParams) {
  return queryOptions({
    queryKey: enterpriseKeys.list(query),
    queryFn: () => apiRequest('GET', BASE, EnterprisePage, { query }),
    placeholderData: keepPreviousData,
  })
}

export function enterpriseProfileQueryOptions(id: string) {
  return queryOptions({
    queryKey: enterpriseKeys.profile(id),
    queryFn: () => apiRequest('GET', `${BASE}/${id}`, EnterpriseProfile),
  })
}

export function enterpriseIpQueryOptions(id: string, query: QueryParams) {
  return queryOptions({
    queryKey: enterpriseKeys.ip(id, query),
    queryFn: () => apiRequest('GET', `${BASE}/${id}/ip`, EnterpriseIpPage, { query }),
    placeholderData: keepPreviousData,
  })
}

export function previewMerge(input: EnterpriseMergeInput): Promise<EnterpriseMergePreview> {
  return apiRequest('POST', `${BASE}/merge/preview`, EnterpriseMergePreview, { body: input })
}

export function mergeEnterprises(input: EnterpriseMergeInput): Promise<EnterpriseClusterResult> {
  return apiRequest('POST', `${BASE}/merge`, EnterpriseClusterResult, { body: input })
}

export function splitEnterprise(id: string, input: EnterpriseSplitInput): Promise<EnterpriseClusterResult> {
  return apiRequest('POST', `${BASE}/${id}/split`, EnterpriseClusterResult, { body: input })
}

/**
 * Downloads the Excel export of a filter. Fetched rather than linked, so that a refusal (too many rows) shows the
 * server's message instead of saving the error as a file.
 */
export function downloadEnterpriseExport(filter: QueryParams): Promise<void> {
  return downloadApiFile(`${BASE}/export.xlsx`, filter, 'enterprises.xlsx')
}
