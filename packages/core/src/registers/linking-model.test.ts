import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LINKING_MODEL, priorWeight, probabilityOfWeight } from './linking-model'

describe('linking model', () => {
  it('turns a weight into 2^w / (1 + 2^w)', () => {
    expect(probabilityOfWeight(0)).toBe(0.5)
    expect(probabilityOfWeight(Math.log2(99))).toBeCloseTo(0.99)
    expect(probabilityOfWeight(-2000)).toBe(0)
    expect(probabilityOfWeight(2000)).toBe(1)
  })

  it('is increasing in the weight (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (w, d) => {
          expect(probabilityOfWeight(w + d)).toBeGreaterThan(probabilityOfWeight(w))
        },
      ),
    )
  })

  it('sets the prior odds to r / ((1 − r) · N)', () => {
    expect(priorWeight(DEFAULT_LINKING_MODEL, 500_000)).toBeCloseTo(Math.log2(0.8 / (0.2 * 500_000)))
  })

  it('has m of every field summing to one and thresholds in order', () => {
    const { m } = DEFAULT_LINKING_MODEL
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0)
    for (const field of [m.tradeName, m.industry, m.region, m.legalRepresentative, m.branch])
      expect(sum(field)).toBeCloseTo(1)
    expect(DEFAULT_LINKING_MODEL.reviewProbability).toBeLessThan(DEFAULT_LINKING_MODEL.autoLinkProbability)
  })
})
