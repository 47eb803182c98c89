import { describe, expect, it } from 'vitest'
import { screeningDurationText, screeningRunLabel, screeningScopeText } from './screening-run-text'

describe('screening run texts', () => {
  it('names the scope with its industry and whether synthetic data was included', () => {
    expect(
      screeningScopeText({ scopeName: '黄石市', filter: { industryPrefix: 'C39', includeSynthetic: false } }),
    ).toBe('黄石市 · 行业 C39 · 不含合成数据')
    expect(screeningScopeText({ scopeName: '大冶市', filter: { includeSynthetic: true } })).toBe(
      '大冶市 · 含合成数据',
    )
  })

  it('writes the duration in seconds, or minutes and seconds', () => {
    const startedAt = '2025-06-01T02:00:00.000Z'
    expect(screeningDurationText({ startedAt, finishedAt: '2025-06-01T02:00:12.000Z' })).toBe('12 秒')
    expect(screeningDurationText({ startedAt, finishedAt: '2025-06-01T02:01:05.000Z' })).toBe('1 分 5 秒')
    expect(screeningDurationText({ startedAt, finishedAt: null })).toBe(null)
  })

  it('labels a run by its date, scope and status', () => {
    expect(
      screeningRunLabel({
        evaluationDate: '2025-06-01',
        scopeName: '黄石市',
        filter: { includeSynthetic: true },
        status: 'running',
      }),
    ).toBe('2025-06-01 评价 · 黄石市 · 含合成数据 · 筛查中')
  })
})
