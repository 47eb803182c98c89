import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RESULT_STATE,
  changeResultFilter,
  resultStateFromSearch,
  resultStateToParams,
  withResultState,
} from './screening-result-filters'

describe('screening result filters', () => {
  it('round-trips through the address and keeps the run and the tab', () => {
    const state = changeResultFilter(DEFAULT_RESULT_STATE, {
      ruleSet: 'tsme-2022',
      qualified: 'failed',
      change: 'worsened',
      nearly: true,
      q: '特钢',
    })
    const search = withResultState(new URLSearchParams('screening=abc&tab=results'), { ...state, page: 3 })
    expect(search.get('screening')).toBe('abc')
    expect(search.get('tab')).toBe('results')
    expect(resultStateFromSearch(search)).toEqual({ ...state, page: 3 })
  })

  it('defaults to the 高新技术企业 rule set, as the API does', () => {
    expect(resultStateFromSearch(new URLSearchParams('screening=abc'))).toEqual(DEFAULT_RESULT_STATE)
    expect(DEFAULT_RESULT_STATE.ruleSet).toBe('hnte-2016')
  })

  it('falls back to the defaults on an address the server would refuse', () => {
    expect(resultStateFromSearch(new URLSearchParams('qualified=maybe'))).toEqual(DEFAULT_RESULT_STATE)
    expect(resultStateFromSearch(new URLSearchParams('page=0'))).toEqual(DEFAULT_RESULT_STATE)
  })

  it('sends nearly only when set, and leaves paging out of the export', () => {
    expect(resultStateToParams({ ...DEFAULT_RESULT_STATE, nearly: true }, { withPaging: false })).toEqual({
      ruleSet: 'hnte-2016',
      nearly: 'true',
    })
    expect(resultStateToParams(DEFAULT_RESULT_STATE)).toEqual({ ruleSet: 'hnte-2016', page: 1, pageSize: 20 })
  })

  it('starts again at page 1 on a filter change and drops cleared filters', () => {
    const state = { ...DEFAULT_RESULT_STATE, page: 4, q: '铜', nearly: true }
    expect(changeResultFilter(state, { q: undefined, nearly: false, orgUnitId: 'x' })).toEqual({
      ...DEFAULT_RESULT_STATE,
      orgUnitId: 'x',
    })
  })
})
