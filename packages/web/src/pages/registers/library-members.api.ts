import {
  LibraryCuration,
  LibraryMemberPage,
  LibrarySummaryList,
  type Library,
  type LibraryCurationInput,
  type LibraryMemberQuery,
} from '@kechuang/core/registers'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { apiRequest, buildQueryString } from '../../lib/api-client'

export type LibraryListQuery = Partial<LibraryMemberQuery>

export const libraryKeys = {
  all: ['libraries'] as const,
  summaries: ['libraries', 'summaries'] as const,
  members: (library: Library, query: LibraryListQuery) => ['libraries', 'members', library, query] as const,
}

/** The five 库 with their rules, in order (labels and rules come from the server). */
export const librarySummariesQueryOptions = queryOptions({
  queryKey: libraryKeys.summaries,
  queryFn: async () => (await apiRequest('GET', '/registers/libraries', LibrarySummaryList)).items,
  staleTime: Infinity,
})

/** One page of a library's members (or removed members, or candidates to add), filtered on the server. */
export function libraryMembersQueryOptions(library: Library, query: LibraryListQuery) {
  return queryOptions({
    queryKey: libraryKeys.members(library, query),
    queryFn: () =>
      apiRequest('GET', `/registers/libraries/${library}/members`, LibraryMemberPage, {
        query: { ...query },
      }),
    placeholderData: keepPreviousData,
  })
}

/** Opened as a plain link so the browser downloads the workbook. */
export function libraryExportUrl(
  library: Library,
  query: Pick<LibraryListQuery, 'orgUnitId' | 'q' | 'view'>,
) {
  return `/api/registers/libraries/${library}/members.xlsx${buildQueryString({ ...query })}`
}

/** Adds or removes a member with a reason; the server refuses an addition the rule already makes, and so on. */
export function curateLibrary(library: Library, input: LibraryCurationInput): Promise<LibraryCuration> {
  return apiRequest('POST', `/registers/libraries/${library}/curations`, LibraryCuration, { body: input })
}

export function withdrawCuration(library: Library, curationId: string): Promise<LibraryCuration> {
  return apiRequest(
    'POST',
    `/registers/libraries/${library}/curations/${curationId}/withdraw`,
    LibraryCuration,
  )
}
