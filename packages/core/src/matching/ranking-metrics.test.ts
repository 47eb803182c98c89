import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { meanOf, ndcgAtK, recallAtK } from './ranking-metrics'

describe('ranking metrics', () => {
  const relevant = { a: 2, b: 1, c: 1 }

  it('recall@k counts the relevant items in the first k', () => {
    expect(recallAtK(['a', 'x', 'b'], relevant, 10)).toBeCloseTo(2 / 3)
    expect(recallAtK(['x', 'a'], relevant, 1)).toBe(0)
    expect(recallAtK([], {}, 10)).toBe(0)
  })

  it('nDCG@k is 1 for the ideal order and lower when the best item comes later', () => {
    expect(ndcgAtK(['a', 'b', 'c'], relevant, 10)).toBeCloseTo(1)
    expect(ndcgAtK(['b', 'c', 'a'], relevant, 10)).toBeLessThan(1)
    expect(ndcgAtK(['x', 'y'], relevant, 10)).toBe(0)
    // Worked: gains a=3, b=1; ranked [x, a] → 3/log2(3); ideal [a, b, c] → 3 + 1/log2(3) + 1/2.
    expect(ndcgAtK(['x', 'a'], relevant, 10)).toBeCloseTo(3 / Math.log2(3) / (3 + 1 / Math.log2(3) + 0.5))
  })

  it('property: both lie in [0, 1] and never fall when a relevant item is moved up', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['a', 'b', 'c', 'x', 'y', 'z'], { minLength: 1 }), (ranked) => {
        for (const metric of [recallAtK, ndcgAtK]) {
          const value = metric(ranked, relevant, 3)
          expect(value).toBeGreaterThanOrEqual(0)
          expect(value).toBeLessThanOrEqual(1 + 1e-12)
        }
        const at = ranked.indexOf('a')
        if (at > 0) {
          const moved = [...ranked]
          ;[moved[at - 1], moved[at]] = [moved[at]!, moved[at - 1]!]
          expect(ndcgAtK(moved, relevant, 3)).toBeGreaterThanOrEqual(ndcgAtK(ranked, relevant, 3) - 1e-12)
        }
      }),
    )
  })

  it('averages', () => {
    expect(meanOf([0.5, 1])).toBe(0.75)
    expect(meanOf([])).toBe(0)
  })
})
