import { describe, expect, it } from 'vitest'
import {
  AHP_CONSISTENCY_RATIO_LIMIT,
  computeAhpWeights,
  computeEntropyWeights,
  computeEqualWeights,
  rescaleWeights,
} from './composite-weights'

describe('equal and manual weights', () => {
  it('gives each of n indicators 1/n', () => {
    expect(computeEqualWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25])
  })

  it('rescales manual weights to sum to 1 (30/30/40 → 0.3/0.3/0.4)', () => {
    expect(rescaleWeights([30, 30, 40])).toEqual([0.3, 0.3, 0.4])
    expect(() => rescaleWeights([0, 0])).toThrow(RangeError)
  })
})

describe('AHP weights', () => {
  it('finds the weights of a perfectly consistent matrix, with CR 0', () => {
    // Rows 1 : 2 : 4 — a_ij = w_i / w_j for w = (4, 2, 1)/7; A·w = 3w, so λmax = 3 = n, CI = 0, CR = 0.
    const result = computeAhpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ])
    result.weights.forEach((w, i) => expect(w).toBeCloseTo([4 / 7, 2 / 7, 1 / 7][i]!, 10))
    expect(result.lambdaMax).toBeCloseTo(3, 10)
    expect(result.consistencyRatio).toBeCloseTo(0, 10)
    expect(result.isConsistent).toBe(true)
  })

  it('reports a circular matrix (1 beats 2 beats 3 beats 1) as inconsistent, CR = 0.431', () => {
    // Circulant rows (1, a, 1/a) with a = 2: by symmetry w = (1/3, 1/3, 1/3), and each row of A·w sums to
    // (1 + 2 + 0.5)/3, so λmax = 3.5; CI = (3.5 − 3)/(3 − 1) = 0.25; RI(3) = 0.58; CR = 0.25/0.58 = 0.4310.
    const result = computeAhpWeights([
      [1, 2, 1 / 2],
      [1 / 2, 1, 2],
      [2, 1 / 2, 1],
    ])
    result.weights.forEach((w) => expect(w).toBeCloseTo(1 / 3, 10))
    expect(result.lambdaMax).toBeCloseTo(3.5, 10)
    expect(result.consistencyIndex).toBeCloseTo(0.25, 10)
    expect(result.randomIndex).toBe(0.58)
    expect(result.consistencyRatio).toBeCloseTo(0.431, 3)
    expect(result.isConsistent).toBe(false)
  })

  it('accepts a slightly circular matrix below the 0.1 limit, CR = 0.0287', () => {
    // Same shape with a = 1.2: λmax = 1 + 1.2 + 1/1.2 = 3.03333; CI = 0.03333/2 = 0.016667; CR = 0.016667/0.58 = 0.02874.
    const result = computeAhpWeights([
      [1, 1.2, 1 / 1.2],
      [1 / 1.2, 1, 1.2],
      [1.2, 1 / 1.2, 1],
    ])
    expect(result.consistencyRatio).toBeCloseTo(0.02874, 5)
    expect(result.consistencyRatio).toBeLessThan(AHP_CONSISTENCY_RATIO_LIMIT)
    expect(result.isConsistent).toBe(true)
  })

  it('matches the textbook 1-3-5 matrix: w = 0.637/0.258/0.105, λmax = 3.0385, CR = 0.0332', () => {
    // Reference figures from numpy.linalg.eig on the same matrix.
    const result = computeAhpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ])
    result.weights.forEach((w, i) => expect(w).toBeCloseTo([0.63699, 0.25828, 0.10473][i]!, 5))
    expect(result.lambdaMax).toBeCloseTo(3.03851, 5)
    expect(result.consistencyRatio).toBeCloseTo(0.0332, 4)
  })

  it('treats matrices of order 1 and 2 as always consistent', () => {
    expect(computeAhpWeights([[1]])).toMatchObject({ weights: [1], consistencyRatio: 0, isConsistent: true })
    const two = computeAhpWeights([
      [1, 3],
      [1 / 3, 1],
    ])
    expect(two.weights[0]).toBeCloseTo(0.75, 10)
    expect(two.isConsistent).toBe(true)
  })

  it('refuses a matrix that is not square', () => {
    expect(() => computeAhpWeights([[1, 2]])).toThrow(RangeError)
  })
})

describe('entropy weights (熵权法)', () => {
  it('weights indicators by how much they tell the units apart', () => {
    // Two units, three indicators (m = 2, ln 2 = 0.693147):
    // A = (1, 1): p = (0.5, 0.5), e = −(0.5 ln 0.5 × 2)/ln 2 = 1, d = 0.
    // B = (1, 3): p = (0.25, 0.75), e = (0.25 × 1.386294 + 0.75 × 0.287682)/0.693147 = (0.346574 + 0.215762)/0.693147
    //   = 0.811278, d = 0.188722.
    // C = (0, 2): p = (0, 1), e = 0 (0·ln 0 = 0), d = 1.
    // Σd = 1.188722 → w = (0, 0.188722/1.188722, 1/1.188722) = (0, 0.158760, 0.841240).
    const result = computeEntropyWeights([
      [1, 1],
      [1, 3],
      [0, 2],
    ])
    expect(result.entropies[1]).toBeCloseTo(0.811278, 6)
    result.weights.forEach((w, i) => expect(w).toBeCloseTo([0, 0.15876, 0.84124][i]!, 5))
  })

  it('gives equal weights when no indicator tells the units apart', () => {
    expect(
      computeEntropyWeights([
        [2, 2],
        [0, 0],
      ]).weights,
    ).toEqual([0.5, 0.5])
  })

  it('leaves missing values out and refuses negative ones', () => {
    expect(
      computeEntropyWeights([
        [1, 3, NaN],
        [1, 1, 1],
      ]).weights,
    ).toEqual([1, 0])
    expect(() => computeEntropyWeights([[-1, 1]])).toThrow(RangeError)
  })
})
