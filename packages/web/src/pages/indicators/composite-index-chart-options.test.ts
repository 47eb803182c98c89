import type { CompositeIndexResponse, CompositeUnitResult } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import {
  canStackByCategory,
  categoryContributions,
  compositeCategories,
  compositeScoreChartOption,
  formatScore,
  formatWeightPercent,
} from './composite-index-chart-options'

type Response = Pick<CompositeIndexResponse, 'recipe' | 'units' | 'weights'>

// Two indicators of 创新投入 and one of 创新绩效, equal weights; 陈贵镇 has no DY-02, so its two other
// weights are rescaled: contributions = w·n ÷ (sum of the weights it has).
const weights = [
  { code: 'DY-01', category: '创新投入', weight: 1 / 3 },
  { code: 'DY-02', category: '创新投入', weight: 1 / 3 },
  { code: 'DY-15', category: '创新绩效', weight: 1 / 3 },
]

function unit(
  name: string,
  rank: number | null,
  normalised: (number | null)[],
  change: Partial<CompositeUnitResult> = {},
): CompositeUnitResult {
  const present = normalised.filter((n): n is number => n !== null)
  const weightSum = present.length / 3
  const contributions = weights.map((w, k) => {
    const n = normalised[k] ?? null
    return {
      code: w.code,
      value: n === null ? null : n * 100,
      normalised: n,
      weight: w.weight,
      contribution: n === null ? null : (w.weight * n) / weightSum,
    }
  })
  const score = present.length === 0 ? null : contributions.reduce((s, c) => s + (c.contribution ?? 0), 0)
  return {
    orgUnitId: `00000000-0000-4000-8000-00000000000${rank ?? 9}`,
    orgUnitName: name,
    score,
    rank,
    categoryScores: [],
    contributions,
    ...change,
  }
}

function response(
  units: CompositeUnitResult[],
  aggregation: 'weighted_mean' | 'topsis' = 'weighted_mean',
): Response {
  return {
    recipe: {
      indicators: weights.map((w) => ({ code: w.code, category: w.category, direction: 'higher' as const })),
      normalisation: { method: 'min_max' },
      weighting: { method: 'equal' },
      aggregation,
    },
    weights,
    units,
  }
}

const ranked = [
  unit('还地桥镇', 1, [1, 0.8, 0.9]),
  unit('陈贵镇', 2, [0.6, null, 0.5]),
  unit('茗山乡', null, [null, null, null]),
]

describe('categoryContributions', () => {
  it('adds up each category and the categories add up to the score', () => {
    const [first] = ranked
    const parts = categoryContributions(first!, response(ranked))
    expect(parts.map((p) => p.category)).toEqual(['创新投入', '创新绩效'])
    expect(parts[0]!.contribution).toBeCloseTo((1 + 0.8) / 3)
    expect(parts[1]!.contribution).toBeCloseTo(0.9 / 3)
    expect(parts.reduce((s, p) => s + (p.contribution ?? 0), 0)).toBeCloseTo(first!.score!)
  })

  it('rescales the weights of a unit with a missing value, still summing to its score', () => {
    const second = ranked[1]!
    const parts = categoryContributions(second, response(ranked))
    expect(parts[0]!.contribution).toBeCloseTo(0.6 / 2)
    expect(parts.reduce((s, p) => s + (p.contribution ?? 0), 0)).toBeCloseTo(second.score!)
  })

  it('gives null to a category without any value', () => {
    expect(categoryContributions(ranked[2]!, response(ranked)).map((p) => p.contribution)).toEqual([
      null,
      null,
    ])
  })
})

describe('compositeScoreChartOption', () => {
  it('stacks one series per category, best unit at the top, units without a score left out', () => {
    const option = compositeScoreChartOption(response(ranked))
    expect(option.yAxis).toMatchObject({ data: ['陈贵镇', '还地桥镇'] })
    expect(option.series).toMatchObject([
      { type: 'bar', name: '创新投入', stack: 'score', data: [0.3, 0.6] },
      { type: 'bar', name: '创新绩效', stack: 'score', data: [0.25, 0.3] },
    ])
  })

  it('draws one bar of the score with TOPSIS, whose closeness is not a sum of contributions', () => {
    const topsis = ranked.map((u) => ({ ...u, score: u.score === null ? null : u.score / 2 }))
    const option = compositeScoreChartOption(response(topsis, 'topsis'))
    expect(canStackByCategory(response(topsis, 'topsis'))).toBe(false)
    expect(option.series).toMatchObject([{ type: 'bar', name: '综合得分', data: [0.275, 0.45] }])
    expect(option.series).not.toMatchObject([{ stack: 'score' }])
  })

  it('does not stack negative contributions (z-scores)', () => {
    const zScores = [unit('还地桥镇', 1, [1.2, 0.4, 0.5]), unit('陈贵镇', 2, [-1.2, -0.4, -0.5])]
    expect(canStackByCategory(response(zScores))).toBe(false)
    expect(compositeScoreChartOption(response(zScores)).series).toHaveLength(1)
  })
})

describe('formatting', () => {
  it('lists categories in recipe order once each', () => {
    expect(compositeCategories({ weights })).toEqual(['创新投入', '创新绩效'])
  })

  it('shows scores with three decimals and weights as percentages', () => {
    expect(formatScore(0.56666)).toBe('0.567')
    expect(formatScore(null)).toBe('—')
    expect(formatWeightPercent(1 / 6)).toBe('16.7%')
  })
})
