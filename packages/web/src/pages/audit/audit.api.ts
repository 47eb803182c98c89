import { AuditPage, type AuditQuery } from '@kechuang/core/audit'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

/** Filters as the page holds them: empty ones left out; `from`/`to` are ISO datetimes with offset. */
export type AuditListQuery = Pick<AuditQuery, 'page' | 'pageSize' | 'action'> & {
  entityType?: string
  entityId?: string
  actor?: string
  from?: string
  to?: string
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditListQuery) => ['audit', 'list', query] as const,
}

export function auditQueryOptions(query: AuditListQuery) {
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () => apiRequest('GET', '/audit', AuditPage, { query }),
    placeholderData: keepPreviousData,
  })
}
