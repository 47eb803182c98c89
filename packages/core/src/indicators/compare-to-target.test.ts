import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareToTarget, computeCompletionRatio, isSameValue, meetsTarget } from './compare-to-target'
import { formatRatioAsPercent } from './format-indicator-number'
import { COMPARISON_OPERATORS, type ComparisonOperator } from './indicators.schemas'

describe('meeting a target', () => {
  it('treats ">8" as not met by 8, and met by 8.01', () => {
    expect(meetsTarget(8, '>', 8)).toBe(false)
    expect(meetsTarget(8.01, '>', 8)).toBe(true)
  })

  it('treats "≤0.30" as met by 0.29 and by 0.30, not by 0.31', () => {
    expect(meetsTarget(0.29, '<=', 0.3)).toBe(true)
    expect(meetsTarget(0.3, '<=', 0.3)).toBe(true)
    expect(meetsTarget(0.31, '<=', 0.3)).toBe(false)
  })

  it('treats "<" as not met by the bound itself', () => {
    expect(meetsTarget(0.3, '<', 0.3)).toBe(false)
    expect(meetsTarget(0.29, '<', 0.3)).toBe(true)
  })

  it('treats "=" as met despite float noise (0.1 + 0.2 = 0.3), not by a printed difference', () => {
    expect(meetsTarget(0.1 + 0.2, '=', 0.3)).toBe(true)
    expect(meetsTarget(0.3001, '=', 0.3)).toBe(false)
  })

  it('lets a computed 2.9999999999999996 meet "≥ 3" and fail "＞ 3"', () => {
    const computed = 3 - 4e-16
    expect(meetsTarget(computed, '>=', 3)).toBe(true)
    expect(meetsTarget(computed, '>', 3)).toBe(false)
  })

  it('follows each operator exactly on figures with two decimals (property)', () => {
    const exact: Record<ComparisonOperator, (a: number, b: number) => boolean> = {
      '>=': (a, b) => a >= b,
      '>': (a, b) => a > b,
      '<=': (a, b) => a <= b,
      '<': (a, b) => a < b,
      '=': (a, b) => a === b,
    }
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 })
    fc.assert(
      fc.property(cents, cents, fc.constantFrom(...COMPARISON_OPERATORS), (a, b, op) => {
        expect(meetsTarget(a / 100, op, b / 100)).toBe(exact[op](a, b))
      }),
    )
  })
})

describe('completion ratio (完成率)', () => {
  it('divides actual by target when higher is better (科技型中小企业 555 against 450 → 123.3%)', () => {
    const ratio = computeCompletionRatio(555, 450, 'higher')!
    expect(ratio).toBeCloseTo(1.2333, 4)
    expect(formatRatioAsPercent(ratio)).toBe('123.3%')
  })

  it('inverts when lower is better (万元GDP综合能耗 0.29 against 0.30 → 0.30 ÷ 0.29)', () => {
    expect(computeCompletionRatio(0.29, 0.3, 'lower')).toBeCloseTo(1.0345, 4)
  })

  it('has no ratio for a zero or negative target instead of replacing zero by 0.001', () => {
    const zero = compareToTarget({ actual: 2, op: '>=', target: 0, direction: 'higher', unit: '个' })
    expect(zero.completionRatio).toBeNull()
    expect(zero.completionRatioUndefinedReason).toBe('target_not_positive')
    expect(zero.isMet).toBe(true)
    expect(computeCompletionRatio(-1, -2, 'higher')).toBeNull()
  })

  it('has no ratio for a lower-is-better actual of zero (target ÷ 0), yet the target is met', () => {
    const result = compareToTarget({
      actual: 0,
      op: '<=',
      target: 0.3,
      direction: 'lower',
      unit: '吨标准煤/万元',
    })
    expect(result.completionRatio).toBeNull()
    expect(result.completionRatioUndefinedReason).toBe('actual_not_positive')
    expect(result.isMet).toBe(true)
  })

  it('gives a negative ratio for a negative actual against a positive higher-is-better target', () => {
    // HS14-13 高新技术产业增加值年均增速 printed −2.1 against ＞12.
    expect(computeCompletionRatio(-2.1, 12, 'higher')).toBeCloseTo(-0.175, 6)
  })

  it('never falls when the value gets better (property)', () => {
    const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true })
    fc.assert(
      fc.property(positive, positive, positive, (a, b, target) => {
        const [worse, better] = a <= b ? [a, b] : [b, a]
        expect(computeCompletionRatio(better, target, 'higher')!).toBeGreaterThanOrEqual(
          computeCompletionRatio(worse, target, 'higher')!,
        )
        expect(computeCompletionRatio(worse, target, 'lower')!).toBeGreaterThanOrEqual(
          computeCompletionRatio(better, target, 'lower')!,
        )
      }),
    )
  })
})

describe('gap to the target', () => {
  it('states 高新技术企业数 243 against ≥248 as not met, 差 5 家', () => {
    const result = compareToTarget({ actual: 243, op: '>=', target: 248, direction: 'higher', unit: '家' })
    expect(result).toMatchObject({ isMet: false, gap: 5, exceededBy: 0, gapText: '差 5 家' })
    expect(result.completionRatio).toBeCloseTo(0.9798, 4)
  })

  it('states 科技型中小企业数 555 against ≥450 as met, 超出 105 家', () => {
    const result = compareToTarget({ actual: 555, op: '>=', target: 450, direction: 'higher', unit: '家' })
    expect(result).toMatchObject({ isMet: true, gap: 0, exceededBy: 105, gapText: '已达标，超出 105 家' })
  })

  it('states 万元GDP综合能耗 0.29 against ≤0.30 as met, 0.01 below the target, without float noise', () => {
    const result = compareToTarget({
      actual: 0.29,
      op: '<=',
      target: 0.3,
      direction: 'lower',
      unit: '吨标准煤/万元',
    })
    expect(result).toMatchObject({
      isMet: true,
      exceededBy: 0.01,
      gapText: '已达标，低于目标 0.01 吨标准煤/万元',
    })
  })

  it('states a lower-is-better miss as what is still to cut', () => {
    const result = compareToTarget({
      actual: 0.31,
      op: '<=',
      target: 0.3,
      direction: 'lower',
      unit: '吨标准煤/万元',
    })
    expect(result).toMatchObject({ isMet: false, gap: 0.01, gapText: '需再降低 0.01 吨标准煤/万元' })
  })

  it('names the bound for ">8" reached exactly, since 差 0 would read as done', () => {
    const result = compareToTarget({ actual: 8, op: '>', target: 8, direction: 'higher', unit: '%' })
    expect(result).toMatchObject({ isMet: false, gap: 0, gapText: '需超过 8%' })
  })

  it('names the bound and the distance for ">8" from 6, in percentage points', () => {
    const result = compareToTarget({ actual: 6, op: '>', target: 8, direction: 'higher', unit: '%' })
    expect(result.gapText).toBe('需超过 8%（还差 2 个百分点）')
  })

  it('names the bound for "<" reached exactly', () => {
    const result = compareToTarget({
      actual: 0.3,
      op: '<',
      target: 0.3,
      direction: 'lower',
      unit: '吨标准煤/万元',
    })
    expect(result.gapText).toBe('需低于 0.3 吨标准煤/万元')
  })

  it('says on which side an "=" target is missed', () => {
    const below = compareToTarget({ actual: 5, op: '=', target: 7, direction: 'higher', unit: '个' })
    const above = compareToTarget({ actual: 9, op: '=', target: 7, direction: 'higher', unit: '个' })
    expect(below.gapText).toBe('差 2 个')
    expect(above.gapText).toBe('超出 2 个，目标为 7 个')
  })

  it('never reports a surplus for a value that meets "≥" only within the float tolerance', () => {
    const result = compareToTarget({
      actual: 99999.99991,
      op: '>=',
      target: 100000,
      direction: 'higher',
      unit: '元',
    })
    expect(result).toMatchObject({ isMet: true, exceededBy: 0, gapText: '已达标' })
  })

  it('keeps the decimals of the inputs (3.01 against ≥3.2 → 差 0.19 个百分点, not 0.18999999999999995)', () => {
    const result = compareToTarget({ actual: 3.01, op: '>=', target: 3.2, direction: 'higher', unit: '%' })
    expect(result.gap).toBe(0.19)
    expect(result.gapText).toBe('差 0.19 个百分点')
  })

  it('never reads "差 0" for a shortfall smaller than the shown precision', () => {
    const result = compareToTarget({ actual: 2.99999, op: '>=', target: 3, direction: 'higher', unit: '%' })
    expect(result.isMet).toBe(false)
    expect(result.gap).toBe(0.00001)
    expect(result.gapText).toBe('差 0.00001 个百分点')
  })

  it('shows at most four decimals for computed figures without a printed precision', () => {
    const result = compareToTarget({ actual: 1 / 3, op: '>=', target: 1, direction: 'higher', unit: '' })
    expect(result.gap).toBe(0.6667)
    expect(result.gapText).toBe('差 0.6667')
  })

  it('closes the gap exactly: adding it to a missed "≥" value meets the target (property)', () => {
    const cents = fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100)
    fc.assert(
      fc.property(cents, cents, (actual, target) => {
        const result = compareToTarget({ actual, op: '>=', target, direction: 'higher', unit: '万元' })
        expect(meetsTarget(actual + result.gap, '>=', target)).toBe(true)
        expect(result.gapText).not.toMatch(/\d\.\d{3,}/)
        if (!result.isMet) expect(isSameValue(actual + result.gap, target)).toBe(true)
      }),
    )
  })
})
