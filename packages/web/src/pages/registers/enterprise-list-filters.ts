import { EnterpriseListQuery, type EnterpriseSort, type QualificationType } from '@kechuang/core/registers'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import type { QueryParams } from '../../lib/api-client'

/** What the 企业库 filter bar holds; kept in the address (`?q=…&page=2`) so going back from a profile restores it. */
export interface EnterpriseListState {
  q?: string
  regionOrgUnitId?: string
  industryCode?: string
  leadingIndustry?: string
  qualificationType?: QualificationType
  qualificationYear?: number
  isSynthetic?: boolean
  sort: EnterpriseSort
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

export const DEFAULT_LIST_STATE: EnterpriseListState = {
  sort: 'name',
  order: 'asc',
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT,
}

/** Reads the state from the address with the route's own schema; anything invalid falls back to the defaults. */
export function listStateFromSearch(search: URLSearchParams): EnterpriseListState {
  const parsed = EnterpriseListQuery.safeParse(Object.fromEntries(search))
  if (!parsed.success) return DEFAULT_LIST_STATE
  const { q, leadingIndustry, qualificationOn: _on, ...rest } = parsed.data
  return { ...rest, ...(q ? { q } : {}), ...(leadingIndustry ? { leadingIndustry } : {}) }
}

/** The state as query parameters (for the address and the API alike); defaults and empty values are left out. */
export function listStateToParams(
  state: EnterpriseListState,
  options: { withPaging?: boolean } = {},
): QueryParams {
  const { page, pageSize, isSynthetic, ...filter } = state
  const params: QueryParams = {
    ...filter,
    isSynthetic: isSynthetic === undefined ? undefined : String(isSynthetic),
  }
  if (options.withPaging ?? true) Object.assign(params, { page, pageSize })
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''))
}

/** A filter change starts again at page 1; paging and sorting keep the filter. */
export function changeFilter(
  state: EnterpriseListState,
  change: Partial<EnterpriseListState>,
): EnterpriseListState {
  const next = { ...state, ...change, page: 1 }
  for (const key of Object.keys(change) as (keyof EnterpriseListState)[]) {
    if (next[key] === undefined || next[key] === '') delete next[key]
  }
  return next
}

/** antd Table's sorter → the server's sort; clearing the sort goes back to the name order. */
export function sortFromTable(
  field: unknown,
  order: 'ascend' | 'descend' | null | undefined,
): Pick<EnterpriseListState, 'sort' | 'order'> {
  const sortable: readonly EnterpriseSort[] = ['name', 'foundedOn', 'rdExpense']
  if (!order || !sortable.includes(field as EnterpriseSort)) return { sort: 'name', order: 'asc' }
  return { sort: field as EnterpriseSort, order: order === 'ascend' ? 'asc' : 'desc' }
}
