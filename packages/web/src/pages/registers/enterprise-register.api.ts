import { ErrorBody } from '@kechuang/core/errors'
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
import { t } from '../../i18n/t'
import { ApiError, apiRequest, buildQueryString, type QueryParams } from '../../lib/api-client'

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
export async function downloadEnterpriseExport(filter: QueryParams): Promise<void> {
  let response: Response
  try {
    response = await fetch(`/api${BASE}/export.xlsx${buildQueryString(filter)}`, {
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', t('errors.network'))
  }
  if (!response.ok) {
    const body = ErrorBody.safeParse(await response.json().catch(() => null))
    if (body.success)
      throw new ApiError(response.status, body.data.code, body.data.message, body.data.details)
    throw new ApiError(response.status, 'HTTP_ERROR', t('errors.http', { status: response.status }))
  }
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? 'enterprises.xlsx'
  link.click()
  URL.revokeObjectURL(url)
}

/** The UTF-8 file name of a `content-disposition` header (RFC 5987 `filename*`), else the plain one. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (encoded) return decodeURIComponent(encoded[1]!)
  const plain = /filename="([^"]+)"/i.exec(header)
  return plain ? plain[1]! : null
}
