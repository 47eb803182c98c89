import { TechNeedDirectoryQuery, TechNeedQuery, TechResultQuery } from '@kechuang/core/marketplace'
import { describe, expect, it } from 'vitest'
import {
  changeFilter,
  listStateFromSearch,
  listStateToParams,
  needDirectoryParams,
} from './marketplace-list-state'

describe('listStateFromSearch', () => {
  it('reads the filters and paging of the address with the route schema', () => {
    const search = new URLSearchParams('q=锂电池&industry=新材料&maturity=pilot&page=2&pageSize=50')
    expect(listStateFromSearch(search, TechResultQuery)).toEqual({
      q: '锂电池',
      industry: '新材料',
      maturity: 'pilot',
      page: 2,
      pageSize: 50,
    })
  })

  it('falls back to the first page without filters when the address does not fit the list', () => {
    expect(listStateFromSearch(new URLSearchParams('maturity=pilot'), TechNeedQuery)).toEqual({
      page: 1,
      pageSize: 20,
    })
    expect(listStateFromSearch(new URLSearchParams('page=0'), TechResultQuery)).toEqual({
      page: 1,
      pageSize: 20,
    })
  })

  it('drops an empty search', () => {
    expect(listStateFromSearch(new URLSearchParams('q=%20'), TechNeedQuery)).toEqual({
      page: 1,
      pageSize: 20,
    })
  })
})

describe('changeFilter', () => {
  it('starts again at page 1 and removes cleared filters', () => {
    const state = { q: '电池', status: 'open' as const, page: 3, pageSize: 20 }
    expect(changeFilter(state, { status: undefined, industry: '新能源' })).toEqual({
      q: '电池',
      industry: '新能源',
      page: 1,
      pageSize: 20,
    })
  })
})

describe('listStateToParams', () => {
  it('leaves empty values out', () => {
    expect(listStateToParams({ q: '', industry: '新材料', page: 1, pageSize: 20 })).toEqual({
      industry: '新材料',
      page: 1,
      pageSize: 20,
    })
  })
})

describe('needDirectoryParams', () => {
  it('passes the year, status and region, which the directory route accepts, and leaves the rest out', () => {
    const regionId = '00000000-0000-4000-8000-000000000001'
    const params = needDirectoryParams(
      { q: '钢', industry: '新材料', status: 'open', orgUnitId: regionId, page: 3, pageSize: 50 },
      2025,
    )
    expect(params).toEqual({ year: 2025, status: 'open', orgUnitId: regionId })
    expect(TechNeedDirectoryQuery.safeParse(params).success).toBe(true)
    expect(needDirectoryParams({ page: 1, pageSize: 20 }, 2026)).toEqual({ year: 2026 })
  })
})
