import { describe, expect, it } from 'vitest'
import {
  SAATY_OPTIONS,
  buildPairwiseMatrix,
  formatSaatyValue,
  judgementKey,
  manualWeightsOf,
  normaliseWeights,
} from './composite-index-weighting'

describe('formatSaatyValue', () => {
  it('writes whole judgements as numbers and their reciprocals as fractions', () => {
    expect(formatSaatyValue(3)).toBe('3')
    expect(formatSaatyValue(1)).toBe('1')
    expect(formatSaatyValue(1 / 3)).toBe('1/3')
    expect(formatSaatyValue(0.2)).toBe('1/5')
    expect(formatSaatyValue(1 / 9)).toBe('1/9')
  })

  it('offers the 17 values of Saaty’s scale from 1/9 to 9 in order', () => {
    expect(SAATY_OPTIONS.map((o) => o.label)).toEqual([
      '1/9',
      '1/8',
      '1/7',
      '1/6',
      '1/5',
      '1/4',
      '1/3',
      '1/2',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ])
  })
})

describe('buildPairwiseMatrix', () => {
  it('fills the diagonal with 1 and the lower triangle with reciprocals of the upper judgements', () => {
    const codes = ['A', 'B', 'C']
    const matrix = buildPairwiseMatrix(codes, {
      [judgementKey('A', 'B')]: 2,
      [judgementKey('A', 'C')]: 4,
      [judgementKey('B', 'C')]: 2,
    })
    expect(matrix).toEqual([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ])
  })

  it('counts a judgement not yet made as 1 (equally important)', () => {
    expect(buildPairwiseMatrix(['A', 'B'], {})).toEqual([
      [1, 1],
      [1, 1],
    ])
  })

  it('keeps the judgements by pair, so dropping an indicator keeps the others', () => {
    const judgements = { [judgementKey('A', 'C')]: 1 / 3, [judgementKey('A', 'B')]: 5 }
    expect(buildPairwiseMatrix(['A', 'C'], judgements)).toEqual([
      [1, 1 / 3],
      [3, 1],
    ])
  })
})

describe('manual weights', () => {
  it('gives an indicator without an entered weight the weight 1', () => {
    expect(manualWeightsOf(['A', 'B'], { A: 3, B: null })).toEqual({ A: 3, B: 1 })
  })

  it('shows the weights normalised to sum to 1, as the server rescales them', () => {
    expect(normaliseWeights({ A: 30, B: 30, C: 40 })).toEqual({ A: 0.3, B: 0.3, C: 0.4 })
    expect(normaliseWeights({ A: 0, B: 0 })).toEqual({ A: 0, B: 0 })
  })
})
