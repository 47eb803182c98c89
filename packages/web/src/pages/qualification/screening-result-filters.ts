import {
  ScreeningResultQuery,
  type QualifiedValue,
  type RuleSetId,
  type ScreeningChangeKind,
} from '@kechuang/core/qualification'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import type { QueryParams } from '../../lib/api-client'

/** The results table's filters; kept in the address so a reload or going back from a profile restores them. */
export interface ScreeningResultState {
  ruleSet: RuleSetId
  qualified?: QualifiedValue
  orgUnitId?: string
  change?: ScreeningChangeKind
  /** Only the "nearly qualified" ranking, in rank order. */
  nearly?: boolean
  q?: string
  page: number
  pageSize: number
}

// The address also carries the run and the tab; these are the keys the results table owns.
const RESULT_KEYS = [
  'ruleSet',
  'qualified',
  'orgUnitId',
  'change',
  'nearly',
  'q',
  'page',
  'pageSize',
] as const

export const DEFAULT_RESULT_STATE: ScreeningResultState = {
  ruleSet: ScreeningResultQuery.shape.ruleSet.parse(undefined),
  page: 1,
  pageSize: PAGE_SIZE_DEFAULT,
}

/** Reads the filters from the address with the route's own schema; anything invalid falls back to the defaults. */
export function resultStateFromSearch(search: URLSearchParams): ScreeningResultState {
  const own = Object.fromEntries(
    RESULT_KEYS.flatMap((key) => (search.has(key) ? [[key, search.get(key)]] : [])),
  )
  const parsed = ScreeningResultQuery.safeParse(own)
  if (!parsed.success) return DEFAULT_RESULT_STATE
  const { q, nearly, ...rest } = parsed.data
  return { ...rest, ...(q ? { q } : {}), ...(nearly ? { nearly } : {}) }
}

/** The filters as query parameters, for the API, the export and the address; empty values are left out. */
export function resultStateToParams(
  state: ScreeningResultState,
  options: { withPaging?: boolean } = {},
): QueryParams {
  const { page, pageSize, nearly, ...filter } = state
  const params: QueryParams = { ...filter, nearly: nearly ? 'true' : undefined }
  if (options.withPaging ?? true) Object.assign(params, { page, pageSize })
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ''))
}

/** A filter change starts again at page 1 and drops the filters it clears. */
export function changeResultFilter(
  state: ScreeningResultState,
  change: Partial<ScreeningResultState>,
): ScreeningResultState {
  const next = { ...state, ...change, page: 1 }
  for (const key of Object.keys(change) as (keyof ScreeningResultState)[]) {
    if (next[key] === undefined || next[key] === '' || next[key] === false) delete next[key]
  }
  return next
}

/** The address with the results' filters replaced by `state`; the run, the tab and anything else stay. */
export function withResultState(search: URLSearchParams, state: ScreeningResultState): URLSearchParams {
  const next = new URLSearchParams(search)
  for (const key of RESULT_KEYS) next.delete(key)
  for (const [key, value] of Object.entries(resultStateToParams(state))) next.set(key, String(value))
  return next
}
