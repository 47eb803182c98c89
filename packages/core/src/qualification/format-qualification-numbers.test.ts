import { describe, expect, it } from 'vitest'
import { fraction, fractionFromNumber } from './exact-fraction'
import {
  ceilHeadcount,
  ceilToHundredths,
  formatExact,
  formatFigure,
  formatPercent,
} from './format-qualification-numbers'

describe('display of figures (spec §0.2)', () => {
  it('rounds percentages half-up to 2 decimals', () => {
    expect(formatPercent(fraction(610, 12800))).toBe('4.77')
    expect(formatPercent(fraction(1, 8))).toBe('12.50')
    expect(formatPercent(fraction(-41, 60))).toBe('-68.33')
  })

  it('never prints "4.00%" for a value below 4%: shows up to 6 decimals instead', () => {
    const ratio = fraction(119999, 3000000)
    expect(formatPercent(ratio)).toBe('4.00')
    expect(formatPercent(ratio, [fraction(4, 100)])).toBe('3.999967')
    expect(formatPercent(fraction(4, 100), [fraction(4, 100)])).toBe('4.00')
  })

  it('cuts towards the true side when even 6 decimals would round onto the threshold', () => {
    expect(formatPercent(fraction(399_999_999, 10_000_000_000), [fraction(4, 100)])).toBe('3.999999')
    expect(formatPercent(fraction(400_000_001, 10_000_000_000), [fraction(4, 100)])).toBe('4.000001')
  })

  it('prints entered figures and exact sums without float noise', () => {
    expect(formatFigure(3967.5)).toBe('3967.5')
    expect(formatFigure(20000.01)).toBe('20000.01')
    expect(formatExact(fraction(1041750, 100))).toBe('10417.5')
  })

  it('rounds gaps up to 0.01: money with two decimals, head counts without trailing zeros', () => {
    expect(ceilToHundredths(fractionFromNumber(30))).toEqual({ amount: 30, text: '30.00' })
    expect(ceilToHundredths(fraction(1, 300))).toEqual({ amount: 0.01, text: '0.01' })
    expect(ceilHeadcount(fraction(1))).toEqual({ amount: 1, text: '1' })
    expect(ceilHeadcount(fraction(12, 10))).toEqual({ amount: 1.2, text: '1.2' })
  })
})
