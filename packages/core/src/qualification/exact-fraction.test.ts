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
  roundToScaledNumber,
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

  it('takes the number fast paths only where they agree with BigInt (property)', () => {
    // Small and huge parts, so both paths run; 2⁵³ ± a little tests the edge of exact doubles.
    const part = fc.oneof(
      fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
      fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n }),
      fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
      fc.bigInt({ min: 2n ** 53n - 100n, max: 2n ** 53n + 100n }),
    )
    const denominator = fc.oneof(
      fc.bigInt({ min: 1n, max: 10n ** 9n }),
      fc.bigInt({ min: 1n, max: 2n ** 60n }),
    )
    fc.assert(
      fc.property(
        part,
        denominator,
        part,
        denominator,
        fc.integer({ min: 0, max: 6 }),
        (an, ad, bn, bd, k) => {
          const a = fraction(an, ad)
          const b = fraction(bn, bd)
          const crossLeft = an * bd
          const crossRight = bn * ad
          expect(compare(a, b)).toBe(crossLeft < crossRight ? -1 : crossLeft > crossRight ? 1 : 0)
          const fast = roundToScaledNumber(a, k)
          if (fast !== null) expect(BigInt(fast)).toBe(roundToScaledInteger(a, k))
          if (bn !== 0n) expect(compare(multiply(divide(a, b), b), a)).toBe(0)
          const sameDenominator = fraction(bn === 0n ? 1n : bn, ad)
          expect(compare(multiply(divide(a, sameDenominator), sameDenominator), a)).toBe(0)
        },
      ),
    )
  })

  it('leaves exact halves beyond 2⁵² to BigInt', () => {
    for (const half of [fraction(2n ** 50n + 1n, 200n), fraction(-(2n ** 51n) - 1n, 200n)]) {
      const rounded = roundToScaledNumber(half, 2)
      expect(rounded === null ? roundToScaledInteger(half, 2) : BigInt(rounded)).toBe(
        roundToScaledInteger(half, 2),
      )
    }
  })
})
