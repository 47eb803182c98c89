import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CompositeIndexRecipe } from './composite-index.schemas'
import { computeCompositeIndex, rankByScore } from './compute-composite-index'
import { createIndicatorValueCube, cubeOffset, type CubeEntry } from './indicator-value-cube'

// Three units, two years (the window), three indicators:
//              HNTE 2022/2023   RD 2022/2023   ENERGY (lower) 2022/2023
//   U1           10 / 20          2 / 3          0.5 / 0.4
//   U2           30 / 40          1 / 1          0.3 / 0.2
//   U3           50 / 60          1 / 1          0.6 / 0.6
// Min–max over the whole window (6 values each; no outliers possible: with n = 6 no value lies beyond 3 SD):
//   HNTE min 10 max 60 → 2023: (20−10)/50 = 0.2, (40−10)/50 = 0.6, (60−10)/50 = 1
//   RD   min 1  max 3  → 2023: (3−1)/2 = 1, 0, 0
//   ENERGY min 0.2 max 0.6, lower is better (0.6 − x)/0.4 → 2023: 0.5, 1, 0
const UNITS = ['U1', 'U2', 'U3']
const YEARS = [2022, 2023]
const CODES = ['HNTE', 'RD', 'ENERGY']
const DATA: Record<string, [number, number][]> = {
  HNTE: [
    [10, 20],
    [30, 40],
    [50, 60],
  ],
  RD: [
    [2, 3],
    [1, 1],
    [1, 1],
  ],
  ENERGY: [
    [0.5, 0.4],
    [0.3, 0.2],
    [0.6, 0.6],
  ],
}

function entries(data = DATA): CubeEntry[] {
  return CODES.flatMap((indicatorCode) =>
    UNITS.flatMap((orgUnitId, u) =>
      YEARS.map((year, y) => ({ indicatorCode, orgUnitId, year, value: data[indicatorCode]![u]![y]! })),
    ),
  )
}

const cube = createIndicatorValueCube(CODES, UNITS, YEARS, entries())

function recipe(overrides: Partial<CompositeIndexRecipe> = {}): CompositeIndexRecipe {
  return {
    indicators: [
      { code: 'HNTE', category: '创新能力', direction: 'higher', target: 50 },
      { code: 'RD', category: '创新能力', direction: 'higher', target: 2 },
      { code: 'ENERGY', category: '创新绩效', direction: 'lower', target: 0.3 },
    ],
    normalisation: { method: 'min_max' },
    weighting: { method: 'equal' },
    aggregation: 'weighted_mean',
    ...overrides,
  }
}

const scores = (result: ReturnType<typeof computeCompositeIndex>) => result.units.map((u) => u.score)
const ranks = (result: ReturnType<typeof computeCompositeIndex>) => result.units.map((u) => u.rank)
const expectClose = (actual: (number | null)[], expected: number[], digits = 5) =>
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits))

describe('composite index', () => {
  it('averages min–max values with equal weights and shows each contribution w_i × normalised_i', () => {
    // U1 (0.2 + 1 + 0.5)/3 = 0.56667; U2 (0.6 + 0 + 1)/3 = 0.53333; U3 (1 + 0 + 0)/3 = 0.33333.
    const result = computeCompositeIndex({ recipe: recipe(), cube, year: 2023 })
    expectClose(scores(result), [1.7 / 3, 1.6 / 3, 1 / 3])
    expect(ranks(result)).toEqual([1, 2, 3])
    const u1 = result.units[0]!
    expectClose(
      u1.contributions.map((c) => c.contribution),
      [0.2 / 3, 1 / 3, 0.5 / 3],
    )
    expect(u1.contributions[0]).toMatchObject({ code: 'HNTE', value: 20, weight: 1 / 3 })
    expect(u1.contributions[0]!.normalised).toBeCloseTo(0.2, 10)
    // Categories: 创新能力 (0.2 + 1)/2 = 0.6, 创新绩效 0.5.
    expect(u1.categoryScores.map((c) => c.category)).toEqual(['创新能力', '创新绩效'])
    expectClose(
      u1.categoryScores.map((c) => c.score),
      [0.6, 0.5],
    )
    expect(result.weights).toEqual([
      { code: 'HNTE', category: '创新能力', weight: 1 / 3 },
      { code: 'RD', category: '创新能力', weight: 1 / 3 },
      { code: 'ENERGY', category: '创新绩效', weight: 1 / 3 },
    ])
    expect(result.normalisation[0]!.parameters).toMatchObject({ min: 10, max: 60, outlierCount: 0 })
  })

  it('uses manual weights rescaled to sum 1', () => {
    // (2, 1, 1) → (0.5, 0.25, 0.25): U1 0.1 + 0.25 + 0.125 = 0.475; U2 0.3 + 0 + 0.25 = 0.55; U3 0.5.
    const result = computeCompositeIndex({
      recipe: recipe({ weighting: { method: 'manual', weights: [2, 1, 1] } }),
      cube,
      year: 2023,
    })
    expectClose(scores(result), [0.475, 0.55, 0.5])
    expect(ranks(result)).toEqual([3, 1, 2])
  })

  it('uses AHP weights and publishes their consistency', () => {
    // Consistent 1 : 2 : 4 → w = (4, 2, 1)/7: U1 (0.8 + 2 + 0.5)/7 = 0.47143; U2 (2.4 + 0 + 1)/7 = 0.48571;
    // U3 (4 + 0 + 0)/7 = 0.57143.
    const pairwise = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]
    const result = computeCompositeIndex({
      recipe: recipe({ weighting: { method: 'ahp', pairwise } }),
      cube,
      year: 2023,
    })
    expectClose(scores(result), [3.3 / 7, 3.4 / 7, 4 / 7])
    expect(result.ahp).toMatchObject({ isConsistent: true })
    expect(ranks(result)).toEqual([3, 2, 1])
  })

  it('uses entropy weights from the scored year, min–max normalised across units', () => {
    // 2023 across units: HNTE (0, 0.5, 1) → p = (0, 1/3, 2/3), e = (1/3 × 1.098612 + 2/3 × 0.405465)/1.098612
    //   = 0.579380, d = 0.420620; ENERGY (0.5, 1, 0) has the same p values, d = 0.420620;
    //   RD (1, 0, 0) → p = (1, 0, 0), e = 0, d = 1. Σd = 1.841240 → w = (0.228444, 0.543112, 0.228444).
    // U1 0.228444 × 0.2 + 0.543112 × 1 + 0.228444 × 0.5 = 0.703023; U2 0.228444 × 0.6 + 0.228444 = 0.365510;
    // U3 0.228444 × 1 = 0.228444.
    const result = computeCompositeIndex({
      recipe: recipe({ weighting: { method: 'entropy' } }),
      cube,
      year: 2023,
    })
    expectClose(
      result.weights.map((w) => w.weight),
      [0.228444, 0.543112, 0.228444],
    )
    expectClose(scores(result), [0.703023, 0.36551, 0.228444])
    expect(result.entropy!.entropies[0]).toBeCloseTo(0.57938, 5)
  })

  it('normalises by distance to target with the indicators’ targets, capped at 1 when asked', () => {
    // HNTE (x − 10)/(50 − 10): 0.25, 0.75, 1.25 → 1. RD (x − 1)/(2 − 1): 2 → 1, 0, 0.
    // ENERGY (0.6 − x)/(0.6 − 0.3): 0.66667, 1.33333 → 1, 0.
    // U1 (0.25 + 1 + 0.66667)/3 = 0.63889; U2 (0.75 + 0 + 1)/3 = 0.58333; U3 (1 + 0 + 0)/3 = 0.33333.
    const result = computeCompositeIndex({
      recipe: recipe({ normalisation: { method: 'distance_to_target', capAtOne: true } }),
      cube,
      year: 2023,
    })
    expectClose(scores(result), [0.638889, 0.583333, 0.333333])
  })

  it('normalises by z-score over the whole window', () => {
    // HNTE window 10, 20, 30, 40, 50, 60: mean 35, sample SD = √(1750/5) = √350 = 18.7083;
    // 2023 values 20, 40, 60 → −0.80178, 0.26726, 1.33631.
    const result = computeCompositeIndex({
      recipe: recipe({ indicators: [recipe().indicators[0]!], normalisation: { method: 'z_score' } }),
      cube,
      year: 2023,
    })
    expectClose(scores(result), [-15 / Math.sqrt(350), 5 / Math.sqrt(350), 25 / Math.sqrt(350)])
  })

  it('ranks by TOPSIS closeness when asked, still showing the category means', () => {
    // Weighted (1/3 each): U1 (0.0667, 0.3333, 0.1667), U2 (0.2, 0, 0.3333), U3 (0.3333, 0, 0).
    // Ideal (0.3333, 0.3333, 0.3333), anti-ideal (0.0667, 0, 0).
    // U1: D+ = √(0.2667² + 0.1667²) = 0.31447, D− = √(0.3333² + 0.1667²) = 0.37268 → C = 0.54236.
    // U2: D+ = √(0.1333² + 0.3333²) = 0.35901 = D− → C = 0.5.
    // U3: D+ = √(0.3333² × 2) = 0.47140, D− = 0.26667 → C = 0.36130.
    const result = computeCompositeIndex({ recipe: recipe({ aggregation: 'topsis' }), cube, year: 2023 })
    expectClose(scores(result), [0.542358, 0.5, 0.361302])
    expect(ranks(result)).toEqual([1, 2, 3])
    expect(result.units[0]!.categoryScores[0]!.score).toBeCloseTo(0.6, 10)
  })

  it('scores a unit over the indicators it has, leaving out the weights of missing ones', () => {
    const withGap = createIndicatorValueCube(
      CODES,
      UNITS,
      YEARS,
      entries().filter((e) => !(e.indicatorCode === 'ENERGY' && e.orgUnitId === 'U3' && e.year === 2023)),
    )
    // U3: (1 × 1/3 + 0 × 1/3)/(2/3) = 0.5; its ENERGY contribution is missing.
    const u3 = computeCompositeIndex({ recipe: recipe(), cube: withGap, year: 2023 }).units[2]!
    expect(u3.score).toBeCloseTo(0.5, 10)
    expect(u3.contributions[2]).toMatchObject({
      code: 'ENERGY',
      value: null,
      normalised: null,
      contribution: null,
    })
    expect(u3.contributions[0]!.contribution).toBeCloseTo(0.5, 10)
  })

  it('refuses a year outside the cube', () => {
    expect(() => computeCompositeIndex({ recipe: recipe(), cube, year: 2030 })).toThrow(RangeError)
  })

  it('never lowers a unit’s score when one of its values improves (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (indicator, unit, improvement) => {
          const plain = recipe({ normalisation: { method: 'min_max', trimOutliers: false } })
          const before = computeCompositeIndex({ recipe: plain, cube, year: 2023 }).units[unit]!.score!
          const improved = createIndicatorValueCube(CODES, UNITS, YEARS, entries())
          const offset = cubeOffset(improved, indicator, unit, 1)
          const better = plain.indicators[indicator]!.direction === 'higher' ? improvement : -improvement
          improved.values[offset] = improved.values[offset]! + better
          const after = computeCompositeIndex({ recipe: plain, cube: improved, year: 2023 }).units[unit]!
            .score!
          expect(after).toBeGreaterThanOrEqual(before - 1e-12)
        },
      ),
    )
  })
})

describe('ranking', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4); no score, no rank', () => {
    expect(rankByScore([0.9, 0.5, 0.5, 0.1, null])).toEqual([1, 2, 2, 4, null])
    expect(rankByScore([0.1 + 0.2, 0.3])).toEqual([1, 1])
  })
})
