import { describe, expect, it } from 'vitest'
import {
  DEFAULT_LIST_STATE,
  changeFilter,
  listStateFromSearch,
  listStateToParams,
  sortFromTable,
} from './enterprise-list-filters'

describe('enterprise list state', () => {
  it('round-trips through the address', () => {
    const state = changeFilter(DEFAULT_LIST_STATE, {
      q: '特钢',
      isSynthetic: false,
      qualificationType: 'hnte',
      qualificationYear: 2024,
    })
    const params = listStateToParams({ ...state, page: 3 })
    const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
    expect(listStateFromSearch(search)).toEqual({ ...state, page: 3 })
  })

  it('falls back to the defaults on an address the server would refuse', () => {
    expect(listStateFromSearch(new URLSearchParams('sort=password'))).toEqual(DEFAULT_LIST_STATE)
    expect(listStateFromSearch(new URLSearchParams('page=0'))).toEqual(DEFAULT_LIST_STATE)
  })

  it('starts again at page 1 on a filter change and drops cleared filters', () => {
    const state = { ...DEFAULT_LIST_STATE, page: 4, q: '铜' }
    const next = changeFilter(state, { q: undefined, industryCode: 'C' })
    expect(next).toEqual({ ...DEFAULT_LIST_STATE, industryCode: 'C' })
  })

  it('leaves paging out of the export parameters', () => {
    expect(listStateToParams(DEFAULT_LIST_STATE, { withPaging: false })).toEqual({
      sort: 'name',
      order: 'asc',
    })
  })
})

describe('sortFromTable', () => {
  it('maps the table sorter to the server sort and a cleared sort to the name order', () => {
    expect(sortFromTable('rdExpense', 'descend')).toEqual({ sort: 'rdExpense', order: 'desc' })
    expect(sortFromTable('rdExpense', null)).toEqual({ sort: 'name', order: 'asc' })
    expect(sortFromTable('creditCode', 'ascend')).toEqual({ sort: 'name', order: 'asc' })
  })
})
