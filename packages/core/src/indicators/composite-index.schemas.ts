import { z } from 'zod'
import { AHP_MATRIX_MAX_SIZE } from './composite-weights'
import { formatIndicatorNumber } from './format-indicator-number'
import { DIRECTIONS } from './indicators.schemas'

/**
 * The recipe of a composite index (综合指数) over org units: which indicators, how each is normalised, how
 * they are weighted and aggregated. Like COINr's "coin", the recipe is published with every ranking
 * (LEARN-FROM M1: no black-box rankings).
 */

export const NORMALISATION_METHODS = ['min_max', 'z_score', 'distance_to_target'] as const
export type NormalisationMethod = (typeof NORMALISATION_METHODS)[number]
export const NORMALISATION_METHOD_LABELS: Record<NormalisationMethod, string> = {
  min_max: '极差标准化（最小–最大值）',
  z_score: 'Z 分数标准化',
  distance_to_target: '目标距离法',
}

export const WEIGHTING_METHODS = ['equal', 'manual', 'ahp', 'entropy'] as const
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number]
export const WEIGHTING_METHOD_LABELS: Record<WeightingMethod, string> = {
  equal: '等权重',
  manual: '手动赋权',
  ahp: '层次分析法（AHP）',
  entropy: '熵权法',
}

export const COMPOSITE_AGGREGATIONS = ['weighted_mean', 'topsis'] as const
export type CompositeAggregation = (typeof COMPOSITE_AGGREGATIONS)[number]
export const COMPOSITE_AGGREGATION_LABELS: Record<CompositeAggregation, string> = {
  weighted_mean: '分类加权平均',
  topsis: 'TOPSIS（逼近理想解排序法）',
}

export const COMPOSITE_INDICATORS_MAX = 200

/**
 * How far a_ij · a_ji may stray from 1 in a pairwise comparison matrix: entered by hand, 1/3 is often 0.333
 * (3 × 0.333 = 0.999), which should pass; 1/3 entered as 0.5 should not.
 */
export const AHP_RECIPROCAL_TOLERANCE = 0.01

/** Saaty's 1–9 scale: a judgement says i is 1 (equal) to 9 (extremely) times as important as j, or the reciprocal. */
export const SAATY_SCALE_MAX = 9
/** The values offered when entering a judgement: 1/9 … 1/2, 1, 2 … 9. */
export const SAATY_SCALE_VALUES: readonly number[] = [
  ...Array.from({ length: SAATY_SCALE_MAX - 1 }, (_, k) => 1 / (SAATY_SCALE_MAX - k)),
  ...Array.from({ length: SAATY_SCALE_MAX }, (_, k) => k + 1),
]

export const CompositeIndicator = z.strictObject({
  code: z.string().min(1).max(30),
  category: z.string().min(1),
  direction: z.enum(DIRECTIONS),
  /** EIS: take √x first for skewed per-capita counts (每万人…), so a few large units do not flatten the rest. */
  sqrtTransform: z.boolean().optional(),
  /** Needed by distance to target, e.g. the plan's final target. */
  target: z.number().nullable().optional(),
})
export type CompositeIndicator = z.infer<typeof CompositeIndicator>

export const PairwiseComparisonMatrix = z
  .array(z.array(z.number().positive({ error: '两两比较值必须大于 0' })))
  .min(1, { error: '判断矩阵不能为空' })
  .max(AHP_MATRIX_MAX_SIZE, {
    error: `判断矩阵不能超过 ${AHP_MATRIX_MAX_SIZE} 阶，指标较多时请分类比较或手动赋权`,
  })
  .superRefine((matrix, ctx) => {
    const size = matrix.length
    matrix.forEach((row, i) => {
      if (row.length !== size) ctx.addIssue({ code: 'custom', path: [i], message: '判断矩阵必须是方阵' })
    })
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const a = matrix[i]?.[j]
        const b = matrix[j]?.[i]
        if (a === undefined || b === undefined) continue
        if (i === j && a !== 1)
          ctx.addIssue({ code: 'custom', path: [i, j], message: '判断矩阵对角线必须为 1' })
        if (i < j && Math.abs(a * b - 1) > AHP_RECIPROCAL_TOLERANCE) {
          const expected = a >= 1 ? `1/${formatIndicatorNumber(a, 4)}` : formatIndicatorNumber(1 / a, 4)
          ctx.addIssue({
            code: 'custom',
            path: [j, i],
            message: `判断矩阵必须互反：第 ${j + 1} 行第 ${i + 1} 列应为 ${expected}`,
          })
        }
      }
    }
  })
export type PairwiseComparisonMatrix = z.infer<typeof PairwiseComparisonMatrix>

/** A pairwise matrix entered by people: every judgement on Saaty's scale 1/9 … 9 (1/9 typed as 0.111 passes). */
export const SaatyPairwiseMatrix = PairwiseComparisonMatrix.superRefine((matrix, ctx) => {
  const min = (1 / SAATY_SCALE_MAX) * (1 - AHP_RECIPROCAL_TOLERANCE)
  const max = SAATY_SCALE_MAX * (1 + AHP_RECIPROCAL_TOLERANCE)
  matrix.forEach((row, i) =>
    row.forEach((a, j) => {
      if (a < min || a > max)
        ctx.addIssue({
          code: 'custom',
          path: [i, j],
          message: `判断矩阵第 ${i + 1} 行第 ${j + 1} 列超出 1/${SAATY_SCALE_MAX}～${SAATY_SCALE_MAX} 的标度范围`,
        })
    }),
  )
})

export const CompositeWeighting = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('equal') }),
  /** One weight per indicator, in the recipe's order; rescaled to sum to 1. */
  z.strictObject({
    method: z.literal('manual'),
    weights: z.array(z.number().min(0, { error: '权重不能为负数' })),
  }),
  /** Saaty's pairwise comparisons of the indicators, in the recipe's order. */
  z.strictObject({ method: z.literal('ahp'), pairwise: PairwiseComparisonMatrix }),
  z.strictObject({ method: z.literal('entropy') }),
])
export type CompositeWeighting = z.infer<typeof CompositeWeighting>

export const CompositeNormalisation = z.strictObject({
  method: z.enum(NORMALISATION_METHODS),
  /** min–max (EIS): ignore values beyond mean ± 3 SD when finding min and max, clamp them to 0/1. Default true. */
  trimOutliers: z.boolean().optional(),
  /** distance to target (COINr cap_max): values beyond the target score 1, not more. Default false, as COINr. */
  capAtOne: z.boolean().optional(),
})
export type CompositeNormalisation = z.infer<typeof CompositeNormalisation>

export const CompositeIndexRecipe = z
  .strictObject({
    indicators: z
      .array(CompositeIndicator)
      .min(1, { error: '请至少选择一个指标' })
      .max(COMPOSITE_INDICATORS_MAX, {
        error: `指标不能超过 ${COMPOSITE_INDICATORS_MAX} 个`,
      }),
    normalisation: CompositeNormalisation,
    weighting: CompositeWeighting,
    aggregation: z.enum(COMPOSITE_AGGREGATIONS),
  })
  .superRefine((recipe, ctx) => {
    const count = recipe.indicators.length
    const codes = new Set<string>()
    recipe.indicators.forEach((indicator, i) => {
      if (codes.has(indicator.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'code'],
          message: `指标 ${indicator.code} 重复`,
        })
      }
      codes.add(indicator.code)
      if (recipe.normalisation.method === 'distance_to_target' && typeof indicator.target !== 'number') {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'target'],
          message: '目标距离法需要每个指标的目标值',
        })
      }
    })
    const { weighting } = recipe
    if (weighting.method === 'manual') {
      if (weighting.weights.length !== count) {
        ctx.addIssue({
          code: 'custom',
          path: ['weighting', 'weights'],
          message: `需要 ${count} 个权重，每个指标一个`,
        })
      } else if (!weighting.weights.some((w) => w > 0)) {
        ctx.addIssue({ code: 'custom', path: ['weighting', 'weights'], message: '权重不能全为 0' })
      }
    }
    if (weighting.method === 'ahp' && weighting.pairwise.length !== count) {
      ctx.addIssue({
        code: 'custom',
        path: ['weighting', 'pairwise'],
        message: `判断矩阵应为 ${count} 阶，每个指标一行`,
      })
    }
  })
export type CompositeIndexRecipe = z.infer<typeof CompositeIndexRecipe>
