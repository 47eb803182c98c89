import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  normaliseDistanceToTarget,
  normaliseMinMax,
  normaliseValues,
  normaliseZScore,
} from './composite-normalisation'

const close = (actual: Float64Array, expected: number[], digits = 10) => {
  expect(actual.length).toBe(expected.length)
  expected.forEach((value, i) => {
    if (Number.isNaN(value)) expect(actual[i]).toBeNaN()
    else expect(actual[i]).toBeCloseTo(value, digits)
  })
}

describe('min–max normalisation (EIS)', () => {
  it('scales to 0–1 over every value given, reversed when lower is better', () => {
    // min 2, max 10: (x − 2)/8 → 0, 0.25, 0.5, 1; lower is better: (10 − x)/8 → 1, 0.75, 0.5, 0.
    close(normaliseMinMax([2, 4, 6, 10], { direction: 'higher' }).values, [0, 0.25, 0.5, 1])
    close(normaliseMinMax([2, 4, 6, 10], { direction: 'lower' }).values, [1, 0.75, 0.5, 0])
  })

  it('takes √ first for skewed per-capita counts', () => {
    // √ → 0, 1, 2, 3, 4; then (x − 0)/4.
    close(
      normaliseMinMax([0, 1, 4, 9, 16], { direction: 'higher', sqrtTransform: true }).values,
      [0, 0.25, 0.5, 0.75, 1],
    )
  })

  it('ignores values beyond mean ± 3 SD when finding min and max, and clamps them', () => {
    // 1, 2, …, 19 and 100: mean = (190 + 100)/20 = 14.5.
    // Squares: Σ(x − 14.5)² over 1…19 = 2470 − 29 × 190 + 19 × 210.25 = 954.75; (100 − 14.5)² = 7310.25;
    // sample variance = (954.75 + 7310.25)/19 = 435, SD = 20.857; mean + 3 SD = 77.07 < 100 → outlier.
    // min 1, max 19 → (x − 1)/18; 100 → clamped to 1.
    const values = [...Array.from({ length: 19 }, (_, i) => i + 1), 100]
    const result = normaliseMinMax(values, { direction: 'higher' })
    expect(result.parameters).toMatchObject({ count: 20, mean: 14.5, min: 1, max: 19, outlierCount: 1 })
    expect(result.parameters.standardDeviation).toBeCloseTo(Math.sqrt(435), 10)
    expect(result.values[9]).toBeCloseTo(9 / 18, 10)
    expect(result.values[18]).toBe(1)
    expect(result.values[19]).toBe(1)
    // Without trimming, 100 is the max: 10 → (10 − 1)/99.
    expect(normaliseMinMax(values, { direction: 'higher', trimOutliers: false }).values[9]).toBeCloseTo(
      9 / 99,
      10,
    )
  })

  it('keeps missing values missing and leaves them out of min and max', () => {
    close(normaliseMinMax([NaN, 5, 15], { direction: 'higher' }).values, [NaN, 0, 1])
  })

  it('scores every value 0.5 when all are equal', () => {
    close(normaliseMinMax([7, 7, 7], { direction: 'higher' }).values, [0.5, 0.5, 0.5])
  })

  it('stays within 0–1 and keeps the order of the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (xs) => {
          const { values } = normaliseMinMax(xs, { direction: 'higher' })
          xs.forEach((x, i) => {
            expect(values[i]).toBeGreaterThanOrEqual(0)
            expect(values[i]).toBeLessThanOrEqual(1)
            xs.forEach((y, j) => {
              if (x < y) expect(values[i]).toBeLessThanOrEqual(values[j]!)
            })
          })
        },
      ),
    )
  })
})

describe('z-score normalisation', () => {
  it('centres on the mean in units of the sample SD, sign flipped when lower is better', () => {
    // 2, 4, 6, 8: mean 5, sample variance (9 + 1 + 1 + 9)/3 = 20/3, SD = 2.58199;
    // z = −3/2.58199, −1/2.58199, … = −1.161895, −0.387298, 0.387298, 1.161895.
    const sd = Math.sqrt(20 / 3)
    close(normaliseZScore([2, 4, 6, 8], { direction: 'higher' }).values, [-3 / sd, -1 / sd, 1 / sd, 3 / sd])
    close(normaliseZScore([2, 4, 6, 8], { direction: 'lower' }).values, [3 / sd, 1 / sd, -1 / sd, -3 / sd])
    expect(normaliseZScore([2, 4, 6, 8], { direction: 'higher' }).values[0]).toBeCloseTo(-1.161895, 6)
  })

  it('gives 0 to every value when they are all equal', () => {
    close(normaliseZScore([3, 3], { direction: 'higher' }).values, [0, 0])
  })
})

describe('distance to target (COINr)', () => {
  it('measures (x − min)/(target − min) when higher is better, uncapped by default', () => {
    // min 2, target 8: (x − 2)/6 → 0, 1/3, 2/3, 8/6 = 1.3333.
    close(normaliseDistanceToTarget([2, 4, 6, 10], { direction: 'higher', target: 8 }).values, [
      0,
      1 / 3,
      2 / 3,
      4 / 3,
    ])
  })

  it('caps values beyond the target at 1 when asked', () => {
    const { values } = normaliseDistanceToTarget([2, 4, 6, 10], {
      direction: 'higher',
      target: 8,
      capAtOne: true,
    })
    close(values, [0, 1 / 3, 2 / 3, 1])
  })

  it('measures (max − x)/(max − target) when lower is better', () => {
    // max 10, target 3: (10 − x)/7 → 8/7, 6/7, 4/7, 0.
    close(normaliseDistanceToTarget([2, 4, 6, 10], { direction: 'lower', target: 3 }).values, [
      8 / 7,
      6 / 7,
      4 / 7,
      0,
    ])
  })

  it('scores 1 everywhere when even the worst value meets the target', () => {
    close(normaliseDistanceToTarget([5, 6], { direction: 'higher', target: 4 }).values, [1, 1])
  })

  it('is chosen by the recipe’s method name, and needs a target', () => {
    close(
      normaliseValues([2, 4, 6, 10], { method: 'distance_to_target', direction: 'higher', target: 8 }).values,
      [0, 1 / 3, 2 / 3, 4 / 3],
    )
    expect(() => normaliseValues([1], { method: 'distance_to_target', direction: 'higher' })).toThrow(
      RangeError,
    )
  })
})
