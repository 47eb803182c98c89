import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import type { ContractType, EventKind, MaturityLevel, NeedStatus } from '@kechuang/core/marketplace'
import type { QueryParams } from '../../lib/api-client'

/** What a marketplace list's filter bar holds; kept in the address so going back from a detail page restores it. */
export interface MarketplaceListState {
  q?: string
  industry?: string
  maturity?: MaturityLevel
  status?: NeedStatus
  orgUnitId?: string
  /** 对接活动 and 技术合同 lists: the kind of event, the type of contract, the year held or signed. */
  kind?: EventKind
  type?: ContractType
  year?: number
  page: number
  pageSize: number
}

/** Anything with Zod's `safeParse` for the list's query: TechResultQuery, TechNeedQuery, ExpertQuery and the like. */
interface ListQuerySchema {
  safeParse(data: unknown): { success: true; data: object } | { success: false }
}

/**
 * Reads the state from the address with the list route's own schema; an invalid address (a status on the results
 * list, page 0) falls back to the first page without filters.
 */
export function listStateFromSearch(search: URLSearchParams, schema: ListQuerySchema): MarketplaceListState {
  const parsed = schema.safeParse(Object.fromEntries(search))
  if (!parsed.success) return { page: 1, pageSize: PAGE_SIZE_DEFAULT }
  return withoutEmpty(parsed.data as MarketplaceListState)
}

/** The state as query parameters, for the address and the API alike; empty values are left out. */
export function listStateToParams(state: MarketplaceListState): QueryParams {
  return Object.fromEntries(Object.entries(withoutEmpty(state)))
}

/**
 * The query of the 需求目录 download: the year and those of the list's filters the directory knows (status, region).
 * The search words and industry are left out: the directory is the whole year's needs, grouped by industry.
 */
export function needDirectoryParams(state: MarketplaceListState, year: number): QueryParams {
  return withoutEmpty({ year, status: state.status, orgUnitId: state.orgUnitId })
}

/** A filter change starts again at page 1; cleared filters disappear. */
export function changeFilter(
  state: MarketplaceListState,
  change: Partial<Omit<MarketplaceListState, 'page' | 'pageSize'>>,
): MarketplaceListState {
  return withoutEmpty({ ...state, ...change, page: 1 })
}

function withoutEmpty<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  ) as T
}
