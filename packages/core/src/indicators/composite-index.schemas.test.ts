import { describe, expect, it } from 'vitest'
import {
  CompositeIndexRecipe,
  PairwiseComparisonMatrix,
  SAATY_SCALE_VALUES,
  SaatyPairwiseMatrix,
} from './composite-index.schemas'
import { CompositeIndexRequest } from './indicators-status-api.schemas'

const indicators = [
  { code: 'DY-15', category: '企业创新', direction: 'higher' },
  { code: 'DY-23', category: '创新绩效', direction: 'lower' },
]
const base = {
  indicators,
  normalisation: { method: 'min_max' },
  weighting: { method: 'equal' },
  aggregation: 'weighted_mean',
}

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? []
}

describe('composite index recipe', () => {
  it('accepts a complete recipe', () => {
    expect(CompositeIndexRecipe.safeParse(base).success).toBe(true)
  })

  it('refuses distance to target without a target for every indicator', () => {
    const result = CompositeIndexRecipe.safeParse({
      ...base,
      normalisation: { method: 'distance_to_target' },
    })
    expect(messages(result)).toEqual(['目标距离法需要每个指标的目标值', '目标距离法需要每个指标的目标值'])
  })

  it('refuses manual weights that do not match the indicators or are all 0', () => {
    const short = CompositeIndexRecipe.safeParse({ ...base, weighting: { method: 'manual', weights: [1] } })
    expect(messages(short)).toEqual(['需要 2 个权重，每个指标一个'])
    const zero = CompositeIndexRecipe.safeParse({ ...base, weighting: { method: 'manual', weights: [0, 0] } })
    expect(messages(zero)).toEqual(['权重不能全为 0'])
  })

  it('refuses a repeated indicator', () => {
    const result = CompositeIndexRecipe.safeParse({ ...base, indicators: [indicators[0], indicators[0]] })
    expect(messages(result)).toEqual(['指标 DY-15 重复'])
  })

  it('refuses an AHP matrix of the wrong order', () => {
    const result = CompositeIndexRecipe.safeParse({ ...base, weighting: { method: 'ahp', pairwise: [[1]] } })
    expect(messages(result)).toEqual(['判断矩阵应为 2 阶，每个指标一行'])
  })
})

describe('pairwise comparison matrix', () => {
  it('accepts 1/3 entered as 0.333', () => {
    expect(
      PairwiseComparisonMatrix.safeParse([
        [1, 3],
        [0.333, 1],
      ]).success,
    ).toBe(true)
  })

  it('refuses a matrix that is not reciprocal, naming the cell to fix', () => {
    const result = PairwiseComparisonMatrix.safeParse([
      [1, 3],
      [0.5, 1],
    ])
    expect(messages(result)).toEqual(['判断矩阵必须互反：第 2 行第 1 列应为 1/3'])
    expect(result.error!.issues[0]!.path).toEqual([1, 0])
  })

  it('refuses a diagonal other than 1, a non-square matrix and non-positive values', () => {
    expect(messages(PairwiseComparisonMatrix.safeParse([[2]]))).toEqual(['判断矩阵对角线必须为 1'])
    expect(messages(PairwiseComparisonMatrix.safeParse([[1, 2]]))).toContain('判断矩阵必须是方阵')
    expect(messages(PairwiseComparisonMatrix.safeParse([[0]]))).toContain('两两比较值必须大于 0')
  })

  it('refuses more than 10 items, where Saaty’s random index ends', () => {
    const eleven = Array.from({ length: 11 }, () => Array.from({ length: 11 }, () => 1))
    expect(messages(PairwiseComparisonMatrix.safeParse(eleven))[0]).toMatch(/^判断矩阵不能超过 10 阶/)
  })
})

describe('Saaty pairwise matrix and the composite-index request body', () => {
  it('offers the scale 1/9 … 9 and accepts 1/9 typed as 0.111', () => {
    expect(SAATY_SCALE_VALUES).toHaveLength(17)
    expect(SAATY_SCALE_VALUES[0]).toBeCloseTo(1 / 9, 12)
    expect(SAATY_SCALE_VALUES.at(-1)).toBe(9)
    expect(
      SaatyPairwiseMatrix.safeParse([
        [1, 9],
        [0.111, 1],
      ]).success,
    ).toBe(true)
  })

  it('refuses a judgement beyond 9 even when the matrix is reciprocal', () => {
    const result = SaatyPairwiseMatrix.safeParse([
      [1, 10],
      [0.1, 1],
    ])
    expect(messages(result)).toEqual([
      '判断矩阵第 1 行第 2 列超出 1/9～9 的标度范围',
      '判断矩阵第 2 行第 1 列超出 1/9～9 的标度范围',
    ])
  })

  it('needs one matrix row per AHP item, and items that do not repeat', () => {
    const body = {
      normalisation: 'min_max',
      weighting: {
        method: 'ahp',
        items: ['A', 'A', 'B'],
        matrix: [
          [1, 2],
          [0.5, 1],
        ],
      },
    }
    expect(messages(CompositeIndexRequest.safeParse(body))).toEqual([
      '层次分析法的指标不能重复',
      '判断矩阵应为 3 阶，每个指标一行',
    ])
  })

  it('refuses manual weights that are negative or all 0, and an unknown weighting method', () => {
    const manual = (weights: Record<string, number>) =>
      CompositeIndexRequest.safeParse({ normalisation: 'z_score', weighting: { method: 'manual', weights } })
    expect(manual({ A: 3, B: 7 }).success).toBe(true)
    expect(messages(manual({ A: -1, B: 2 }))).toEqual(['权重不能为负数'])
    expect(messages(manual({ A: 0 }))).toEqual(['权重不能全为 0'])
    expect(
      messages(CompositeIndexRequest.safeParse({ normalisation: 'min_max', weighting: { method: 'rank' } })),
    ).toEqual(['赋权方法不正确（可选 equal、entropy、manual、ahp）'])
  })
})
