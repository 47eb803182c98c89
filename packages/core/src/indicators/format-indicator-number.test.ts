import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  countDecimals,
  formatDifference,
  formatIndicatorNumber,
  formatQuantity,
  formatRatioAsPercent,
  roundToDecimals,
} from './format-indicator-number'

describe('indicator number formatting', () => {
  it('counts the decimals a number is written with', () => {
    expect(countDecimals(243)).toBe(0)
    expect(countDecimals(0.29)).toBe(2)
    expect(countDecimals(20461.6)).toBe(1)
    expect(countDecimals(143.62)).toBe(2)
    expect(countDecimals(1.5e-7)).toBe(8)
    expect(countDecimals(-2.1)).toBe(1)
  })

  it('rounds float noise away at the inputs’ precision', () => {
    expect(roundToDecimals(0.1 + 0.2, 1)).toBe(0.3)
    expect(roundToDecimals(0.3 - 0.29, 2)).toBe(0.01)
    expect(Object.is(roundToDecimals(-0.0001, 2), 0)).toBe(true)
  })

  it('prints no float noise and no trailing zeros', () => {
    expect(formatIndicatorNumber(0.1 + 0.2, 1)).toBe('0.3')
    expect(formatIndicatorNumber(5, 0)).toBe('5')
    expect(formatIndicatorNumber(1 / 3, 4)).toBe('0.3333')
  })

  it('writes levels and differences in the indicator’s unit, percentage gaps in 个百分点', () => {
    expect(formatQuantity(248, '家', 0)).toBe('248 家')
    expect(formatQuantity(8, '%', 0)).toBe('8%')
    expect(formatQuantity(3, '', 0)).toBe('3')
    expect(formatDifference(5, '家', 0)).toBe('5 家')
    expect(formatDifference(0.2, '%', 1)).toBe('0.2 个百分点')
  })

  it('shows a ratio as a percentage with one decimal (555 ÷ 450 → 123.3%)', () => {
    expect(formatRatioAsPercent(555 / 450)).toBe('123.3%')
    expect(formatRatioAsPercent(1)).toBe('100.0%')
  })

  it('never shows more decimals than the inputs had (property)', () => {
    const hundredths = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100)
    fc.assert(
      fc.property(hundredths, hundredths, (a, b) => {
        const text = formatIndicatorNumber(a - b, Math.max(countDecimals(a), countDecimals(b)))
        expect(text.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2)
      }),
    )
  })
})
