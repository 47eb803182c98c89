import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  add,
  ceilToScaledInteger,
  compare,
  countDecimals,
  divide,
  fraction,
  fractionFromNumber,
  multiply,
  roundToScaledInteger,
  subtract,
} from './exact-fraction'

describe('exact fractions', () => {
  it('reads a number as the decimal it was written as, not the nearest double', () => {
    expect(fractionFromNumber(1199.99)).toEqual({ n: 119999n, d: 100n })
    expect(fractionFromNumber(-300)).toEqual({ n: -300n, d: 1n })
    expect(fractionFromNumber(1e-7)).toEqual({ n: 1n, d: 10_000_000n })
    expect(fractionFromNumber(1.5e21)).toEqual({ n: 1_500_000_000_000_000_000_000n, d: 1n })
  })

  it('makes 0.1 + 0.2 exactly 0.3', () => {
    expect(compare(add(fractionFromNumber(0.1), fractionFromNumber(0.2)), fractionFromNumber(0.3))).toBe(0)
  })

  it('keeps 1199.99 / 30000 below 4%', () => {
    expect(compare(divide(fractionFromNumber(1199.99), fraction(30000)), fraction(4, 100))).toBe(-1)
    expect(compare(divide(fractionFromNumber(1200), fraction(30000)), fraction(4, 100))).toBe(0)
  })

  it('divides by a negative number keeping the denominator positive', () => {
    const q = divide(fraction(200), fraction(-300))
    expect(q.d > 0n).toBe(true)
    expect(compare(q, fraction(-2, 3))).toBe(0)
  })

  it('counts decimals as written', () => {
    expect([100, 100.5, 100.25, 100.001, 1e-7].map(countDecimals)).toEqual([0, 1, 2, 3, 7])
  })

  it('rounds half away from zero and ceils towards +∞', () => {
    expect(roundToScaledInteger(fraction(12345, 1000), 2)).toBe(1235n)
    expect(roundToScaledInteger(fraction(-12345, 1000), 2)).toBe(-1235n)
    expect(ceilToScaledInteger(fraction(1, 3), 2)).toBe(34n)
    expect(ceilToScaledInteger(fraction(-1, 3), 2)).toBe(-33n)
  })

  it('agrees with integer arithmetic on cents (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
        const x = fractionFromNumber(a / 100)
        const y = fractionFromNumber(b / 100)
        expect(compare(x, y)).toBe(Math.sign(a - b))
        expect(compare(subtract(x, y), fraction(a - b, 100))).toBe(0)
        expect(compare(multiply(x, fraction(100)), fraction(a))).toBe(0)
      }),
    )
  })
})
