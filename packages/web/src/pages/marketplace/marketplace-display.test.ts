import { describe, expect, it } from 'vitest'
import { formatWanYuan, joinWords, sharePercent } from './marketplace-display'

describe('formatWanYuan', () => {
  it('shows an amount with at most two decimals and null as 面议', () => {
    expect(formatWanYuan(1234.5)).toBe('1,234.5 万元')
    expect(formatWanYuan(0)).toBe('0 万元')
    expect(formatWanYuan(null)).toBe('面议')
  })
})

describe('sharePercent', () => {
  it('rounds to a whole percentage and never shows a listed term as 0%', () => {
    expect(sharePercent(0.456)).toBe(46)
    expect(sharePercent(0.001)).toBe(1)
  })
})

describe('joinWords', () => {
  it('joins words with 、 and shows the dash for none', () => {
    expect(joinWords(['正极材料', '锂电池'])).toBe('正极材料、锂电池')
    expect(joinWords([])).toBe('—')
  })
})
