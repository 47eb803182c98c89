import {
  EnterpriseSearchResult,
  ImportRowPage,
  ImportRowView,
  RegisterImport,
  RegisterImportList,
  ReviewItem,
  ReviewItemList,
  type ImportRowFilter,
  type RegisterListType,
  type ReviewStatus,
} from '@kechuang/core/registers'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest } from '../../lib/api-client'

const IMPORTS = '/registers/imports'
const REVIEW = '/registers/review'
/** How often the page asks for progress while a file is read. */
export const IMPORT_POLL_MS = 500

export const importKeys = {
  all: ['register-imports'] as const,
  history: ['register-imports', 'history'] as const,
  one: (id: string) => ['register-imports', 'one', id] as const,
  rows: (id: string, filter: ImportRowFilter, page: number) =>
    ['register-imports', 'rows', id, filter, page] as const,
  review: (status: ReviewStatus, importId: string | null) => ['register-review', status, importId] as const,
}

export function startImport(
  listType: RegisterListType,
  file: Blob,
  fileName: string,
): Promise<RegisterImport> {
  const body = new FormData()
  body.append('file', file, fileName)
  return apiRequest('POST', IMPORTS, RegisterImport, { query: { listType }, body })
}

/** The batch, polled while its file is read or re-checked. */
export function importQueryOptions(importId: string) {
  return queryOptions({
    queryKey: importKeys.one(importId),
    queryFn: () => apiRequest('GET', `${IMPORTS}/${importId}`, RegisterImport),
    refetchInterval: (query) => (query.state.data?.status === 'processing' ? IMPORT_POLL_MS : false),
  })
}

export const importHistoryQueryOptions = () =>
  queryOptions({
    queryKey: importKeys.history,
    queryFn: async () => (await apiRequest('GET', IMPORTS, RegisterImportList)).items,
    // A batch still being read shows its status change without a reload.
    refetchInterval: (query) =>
      query.state.data?.some((batch) => batch.status === 'processing') ? IMPORT_POLL_MS * 2 : false,
  })

export const IMPORT_PAGE_SIZE = 50

export function importRowsQueryOptions(importId: string, filter: ImportRowFilter, page: number) {
  return queryOptions({
    queryKey: importKeys.rows(importId, filter, page),
    queryFn: () =>
      apiRequest('GET', `${IMPORTS}/${importId}/rows`, ImportRowPage, {
        query: { filter, page, pageSize: IMPORT_PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  })
}

export const setImportMapping = (importId: string, mapping: Record<string, string | null>) =>
  apiRequest('PATCH', `${IMPORTS}/${importId}/mapping`, RegisterImport, { body: { mapping } })

export const fixImportRow = (importId: string, rowNumber: number, values: Record<string, string>) =>
  apiRequest('PATCH', `${IMPORTS}/${importId}/rows/${rowNumber}`, ImportRowView, { body: { values } })

export const commitImport = (importId: string) =>
  apiRequest('POST', `${IMPORTS}/${importId}/commit`, RegisterImport)

export const importErrorsUrl = (importId: string) => `/api${IMPORTS}/${importId}/errors.xlsx`

export function reviewQueryOptions(status: ReviewStatus, importId: string | null) {
  return queryOptions({
    queryKey: importKeys.review(status, importId),
    queryFn: () => apiRequest('GET', REVIEW, ReviewItemList, { query: { status, importId } }),
  })
}

export const acceptReviewItem = (itemId: string, enterpriseId: string) =>
  apiRequest('POST', `${REVIEW}/${itemId}/accept`, ReviewItem, { body: { enterpriseId } })

export const rejectReviewItem = (itemId: string, reason: string) =>
  apiRequest('POST', `${REVIEW}/${itemId}/reject`, ReviewItem, { body: { reason } })

export const searchEnterprises = async (q: string) =>
  (await apiRequest('GET', `${REVIEW}/enterprises`, EnterpriseSearchResult, { query: { q } })).items

export const reviewExportUrl = () => `/api${REVIEW}/export.xlsx`
