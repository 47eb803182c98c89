import type { CompositeIndexResponse, CompositeUnitResult } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { compareWithPreviousYear, formatScoreChange } from './composite-index-rank-change'

function unit(id: string, rank: number | null, contributions: (number | null)[]): CompositeUnitResult {
  const present = contributions.filter((c): c is number => c !== null)
  return {
    orgUnitId: id,
    orgUnitName: id,
    score: present.length === 0 ? null : present.reduce((s, c) => s + c, 0),
    rank,
    categoryScores: [],
    contributions: contributions.map((contribution, k) => ({
      code: `DY-0${k + 1}`,
      value: null,
      normalised: null,
      weight: 0.5,
      contribution,
    })),
  }
}

const recipe = (aggregation: 'weighted_mean' | 'topsis'): CompositeIndexResponse['recipe'] => ({
  indicators: [
    { code: 'DY-01', category: '创新投入', direction: 'higher' },
    { code: 'DY-02', category: '创新投入', direction: 'higher' },
  ],
  normalisation: { method: 'min_max' },
  weighting: { method: 'equal' },
  aggregation,
})

const year2022 = { year: 2022, units: [unit('a', 1, [0.4, 0.3]), unit('b', 2, [0.2, 0.3])] }
const year2023 = [unit('b', 1, [0.45, 0.3]), unit('a', 2, [0.3, 0.35]), unit('c', null, [null, null])]

describe('compareWithPreviousYear', () => {
  it('counts places gained and explains the score change by each indicator, largest first', () => {
    const changes = compareWithPreviousYear({ units: year2023, recipe: recipe('weighted_mean') }, year2022)
    const b = changes.get('b')!
    expect(b.previousYear).toBe(2022)
    expect(b.rankChange).toBe(1)
    expect(b.scoreChange).toBeCloseTo(0.25)
    expect(b.contributionChanges.map((c) => c.code)).toEqual(['DY-01', 'DY-02'])
    expect(b.contributionChanges[0]!.change).toBeCloseTo(0.25)
    const a = changes.get('a')!
    expect(a.rankChange).toBe(-1)
    const sum = a.contributionChanges.reduce((s, c) => s + (c.change ?? 0), 0)
    expect(sum).toBeCloseTo(a.scoreChange!)
  })

  it('has no change for a unit unranked in either year', () => {
    const c = compareWithPreviousYear({ units: year2023, recipe: recipe('weighted_mean') }, year2022).get(
      'c',
    )!
    expect(c).toMatchObject({ rankChange: null, scoreChange: null })
    expect(c.contributionChanges.every((x) => x.change === null)).toBe(true)
  })

  it('does not split a TOPSIS closeness into contributions', () => {
    const b = compareWithPreviousYear({ units: year2023, recipe: recipe('topsis') }, year2022).get('b')!
    expect(b.rankChange).toBe(1)
    expect(b.contributionChanges).toEqual([])
  })
})

describe('formatScoreChange', () => {
  it('signs the change at three decimals and leaves a rounded zero unsigned', () => {
    expect(formatScoreChange(0.0342)).toBe('+0.034')
    expect(formatScoreChange(-0.2)).toBe('−0.200')
    expect(formatScoreChange(0.00001)).toBe('0.000')
  })
})
