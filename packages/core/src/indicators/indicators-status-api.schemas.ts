import { z } from 'zod'
import { uuid } from '../validation/common-fields'
import {
  COMPOSITE_AGGREGATIONS,
  COMPOSITE_INDICATORS_MAX,
  NORMALISATION_METHODS,
  CompositeIndexRecipe,
  CompositeIndicator,
  SaatyPairwiseMatrix,
  type WeightingMethod,
} from './composite-index.schemas'
import { AHP_MATRIX_MAX_SIZE } from './composite-weights'
import { COMPLETION_RATIO_UNDEFINED_REASONS } from './compare-to-target'
import { STATUS_RULES } from './compute-indicator-status'
import { PATH_FALLBACK_REASONS } from './expected-path'
import {
  COMPARISON_OPERATORS,
  DIRECTIONS,
  INDICATOR_NATURES,
  INDICATOR_STATUSES,
  PATH_MODELS,
  PlanDefinition,
  PrintedValue,
  YEAR_MAX,
  YEAR_MIN,
  Year,
} from './indicators.schemas'

/**
 * Schemas of the M1 status and evaluation API: each indicator's status for one unit and year, the plan
 * dashboard (驾驶舱) and the composite index of org units. Everything here is computed on read by the core
 * functions (createIndicatorStatusEvaluator, computeCompositeIndex); the server only loads the values.
 */

const YearParam = z.coerce
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

const PlanId = PlanDefinition.shape.id
const Ratio = z.number()

/** Whose status, and for which year; by default the plan's region (or the reader's unit below it) and this year. */
export const PlanStatusQuery = z.strictObject({
  orgUnitId: uuid('机构编号').optional(),
  year: YearParam.optional(),
})
export type PlanStatusQuery = z.infer<typeof PlanStatusQuery>

/** As PlanStatusQuery, plus the indicator whose trend and org-unit comparison the dashboard shows. */
export const PlanDashboardQuery = PlanStatusQuery.extend({ indicatorId: uuid('指标编号').optional() })
export type PlanDashboardQuery = z.infer<typeof PlanDashboardQuery>

export const StatusTarget = z.object({
  year: Year,
  op: z.enum(COMPARISON_OPERATORS),
  value: z.number().nullable(),
  valueText: z.string(),
})
export type StatusTarget = z.infer<typeof StatusTarget>

export const StatusExpectedValue = z.object({
  value: z.number(),
  appliedModel: z.enum(PATH_MODELS),
  fallbackReason: z.enum(PATH_FALLBACK_REASONS).nullable(),
})
export type StatusExpectedValue = z.infer<typeof StatusExpectedValue>

/** One indicator's status for one unit and year, with every figure that decided it. */
export const IndicatorStatusRow = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  nature: z.enum(INDICATOR_NATURES).nullable(),
  direction: z.enum(DIRECTIONS),
  /** Whether the value is computed by formula (derived indicator). */
  isDerived: z.boolean(),
  year: Year,
  value: z.number().nullable(),
  /** The target printed for the year; after the final target year, the final target. */
  target: StatusTarget.nullable(),
  finalTarget: StatusTarget.nullable(),
  expected: StatusExpectedValue.nullable(),
  /** 完成率 against the year's target (1 = on target); null where undefined or no target. */
  completionRatio: Ratio.nullable(),
  completionRatioUndefinedReason: z.enum(COMPLETION_RATIO_UNDEFINED_REASONS).nullable(),
  /** Actual progress ÷ expected progress since the baseline. */
  progressRatio: Ratio.nullable(),
  /** 已完成: the year's target met, or the final target met early (false without a value). */
  isMet: z.boolean(),
  status: z.enum(INDICATOR_STATUSES),
  statusLabel: z.string(),
  /** In the indicator's unit: "差 5 家", "已达标，超出 105 家"; null without a value or a target. */
  gap: z.number().nullable(),
  gapText: z.string().nullable(),
  rule: z.enum(STATUS_RULES),
  ruleLabel: z.string(),
  baseline: PrintedValue.nullable(),
})
export type IndicatorStatusRow = z.infer<typeof IndicatorStatusRow>

const Count = z.number().int()
/** How many indicators have each status. */
export const StatusCounts = z.object({
  achieved: Count,
  on_track: Count,
  lagging: Count,
  seriously_lagging: Count,
  no_data: Count,
})
export type StatusCounts = z.infer<typeof StatusCounts>

const OrgUnitRef = z.object({ id: z.uuid(), name: z.string() })

export const PlanStatus = z.object({
  planId: PlanId,
  orgUnit: OrgUnitRef,
  year: Year,
  rows: z.array(IndicatorStatusRow),
  counts: StatusCounts,
})
export type PlanStatus = z.infer<typeof PlanStatus>

/** One year of an indicator's trend chart: the actual value, the printed target and the expected path. */
export const TrendPoint = z.object({
  year: Year,
  value: z.number().nullable(),
  target: z.number().nullable(),
  expected: z.number().nullable(),
})
export type TrendPoint = z.infer<typeof TrendPoint>

export const IndicatorTrend = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline: PrintedValue.nullable(),
  points: z.array(TrendPoint),
})
export type IndicatorTrend = z.infer<typeof IndicatorTrend>

/** The chosen indicator's values in the child units of the dashboard's unit, with their status. */
export const OrgUnitComparison = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  year: Year,
  units: z.array(
    z.object({
      orgUnitId: z.uuid(),
      orgUnitName: z.string(),
      value: z.number().nullable(),
      status: z.enum(INDICATOR_STATUSES),
      statusLabel: z.string(),
    }),
  ),
})
export type OrgUnitComparison = z.infer<typeof OrgUnitComparison>

/** Task standing per 责任单位 for the year: reports made, milestones without a report, milestones overdue. */
export const UnitTaskProgress = z.object({
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  taskCount: z.number().int(),
  reportedCount: z.number().int(),
  missingCount: z.number().int(),
  overdueCount: z.number().int(),
})
export type UnitTaskProgress = z.infer<typeof UnitTaskProgress>

export const PlanDashboard = z.object({
  planId: PlanId,
  planName: z.string(),
  orgUnit: OrgUnitRef,
  year: Year,
  counts: StatusCounts,
  indicatorCount: z.number().int(),
  /** 约束性 indicators that are 滞后 or 严重滞后. */
  bindingAtRisk: z.array(IndicatorStatusRow),
  /** 滞后 and 严重滞后 indicators, worst first, with their gaps. */
  lagging: z.array(IndicatorStatusRow),
  /** Every indicator's series over the plan's years (and its baseline year), for charts. */
  trends: z.array(IndicatorTrend),
  /** Null when the plan has no indicators. */
  comparison: OrgUnitComparison.nullable(),
  taskProgress: z.array(UnitTaskProgress),
})
export type PlanDashboard = z.infer<typeof PlanDashboard>

// Composite index: the recipe is built from query options over the plan's numeric indicators.

const booleanParam = z
  .enum(['true', 'false'], { error: '只能是 true 或 false' })
  .transform((value) => value === 'true')

/** Ranks the child units of orgUnitId (by default the plan's region, e.g. Daye's towns) that have values. */
export const CompositeIndexQuery = z.strictObject({
  orgUnitId: uuid('机构编号').optional(),
  year: YearParam.optional(),
  normalisation: z.enum(NORMALISATION_METHODS, { error: '标准化方法不正确' }).default('min_max'),
  /** equal or entropy by query; manual and AHP weights need a matrix and are not offered by query string. */
  weighting: z
    .enum(['equal', 'entropy'] as const satisfies readonly WeightingMethod[], {
      error: '赋权方法不正确（可选 equal、entropy）',
    })
    .default('equal'),
  topsis: booleanParam.default(false),
  /** Comma-separated indicator codes; by default every indicator of the plan with values. */
  indicators: z.string().max(2000).optional(),
})
export type CompositeIndexQuery = z.infer<typeof CompositeIndexQuery>

/** The smallest AHP comparison: with one item there is nothing to compare. */
export const AHP_ITEMS_MIN = 2

const IndicatorCode = CompositeIndicator.shape.code

/**
 * Weights chosen in the request body: equal or entropy (computed), manual (one weight per indicator code,
 * rescaled to sum to 1) or AHP (Saaty's pairwise judgements over the listed codes, row i / column j = how much
 * more important items[i] is than items[j]). Manual and AHP name the indicators they rank.
 */
export const CompositeIndexRequestWeighting = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('equal') }),
    z.strictObject({ method: z.literal('entropy') }),
    z.strictObject({
      method: z.literal('manual'),
      weights: z
        .record(IndicatorCode, z.number().min(0, { error: '权重不能为负数' }))
        .refine((weights) => Object.keys(weights).length > 0, { error: '请至少为一个指标赋权' })
        .refine((weights) => Object.keys(weights).length <= COMPOSITE_INDICATORS_MAX, {
          error: `指标不能超过 ${COMPOSITE_INDICATORS_MAX} 个`,
        })
        .refine((weights) => Object.values(weights).some((w) => w > 0), { error: '权重不能全为 0' }),
    }),
    z
      .strictObject({
        method: z.literal('ahp'),
        items: z
          .array(IndicatorCode)
          .min(AHP_ITEMS_MIN, { error: `层次分析法至少需要 ${AHP_ITEMS_MIN} 个指标` })
          .max(AHP_MATRIX_MAX_SIZE, {
            error: `层次分析法最多比较 ${AHP_MATRIX_MAX_SIZE} 个指标，指标较多时请手动赋权`,
          }),
        matrix: SaatyPairwiseMatrix,
      })
      .superRefine(({ items, matrix }, ctx) => {
        if (new Set(items).size !== items.length)
          ctx.addIssue({ code: 'custom', path: ['items'], message: '层次分析法的指标不能重复' })
        if (matrix.length !== items.length)
          ctx.addIssue({
            code: 'custom',
            path: ['matrix'],
            message: `判断矩阵应为 ${items.length} 阶，每个指标一行`,
          })
      }),
  ],
  { error: '赋权方法不正确（可选 equal、entropy、manual、ahp）' },
)
export type CompositeIndexRequestWeighting = z.infer<typeof CompositeIndexRequestWeighting>

/** POST body: the same options as CompositeIndexQuery, with manual and AHP weights that a query cannot carry. */
export const CompositeIndexRequest = z.strictObject({
  orgUnitId: uuid('机构编号').optional(),
  year: Year.optional(),
  normalisation: z.enum(NORMALISATION_METHODS, { error: '标准化方法不正确' }),
  weighting: CompositeIndexRequestWeighting,
  topsis: z.boolean().optional(),
  /** Indicator codes; for manual and AHP weights the same codes as the weighting names (or left out). */
  indicators: z
    .array(IndicatorCode)
    .min(1, { error: '请至少选择一个指标' })
    .max(COMPOSITE_INDICATORS_MAX, { error: `指标不能超过 ${COMPOSITE_INDICATORS_MAX} 个` })
    .optional(),
})
export type CompositeIndexRequest = z.infer<typeof CompositeIndexRequest>

/** core NormalisationParameters; figures that are undefined without values (NaN, ±Infinity) are null. */
const NormalisationParametersSchema = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  standardDeviation: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  outlierCount: z.number().int(),
  target: z.number().nullable(),
})

export const CompositeUnitResult = z.object({
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  categoryScores: z.array(z.object({ category: z.string(), score: z.number().nullable() })),
  contributions: z.array(
    z.object({
      code: z.string(),
      value: z.number().nullable(),
      normalised: z.number().nullable(),
      weight: z.number(),
      contribution: z.number().nullable(),
    }),
  ),
})
export type CompositeUnitResult = z.infer<typeof CompositeUnitResult>

/** The ranking with its recipe beside it (LEARN-FROM M1: no black-box rankings); mirrors core CompositeIndexResult. */
export const CompositeIndexResponse = z.object({
  planId: PlanId,
  year: Year,
  /** The years of the normalisation window (min and max taken over all of them). */
  windowYears: z.array(Year),
  recipe: CompositeIndexRecipe,
  method: z.object({
    normalisationLabel: z.string(),
    weightingLabel: z.string(),
    aggregation: z.enum(COMPOSITE_AGGREGATIONS),
    aggregationLabel: z.string(),
  }),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string() })),
  weights: z.array(z.object({ code: z.string(), category: z.string(), weight: z.number() })),
  ahp: z
    .object({
      weights: z.array(z.number()),
      lambdaMax: z.number(),
      consistencyIndex: z.number(),
      randomIndex: z.number(),
      consistencyRatio: z.number(),
      isConsistent: z.boolean(),
    })
    .nullable(),
  entropy: z
    .object({
      weights: z.array(z.number()),
      entropies: z.array(z.number()),
      divergences: z.array(z.number()),
    })
    .nullable(),
  normalisation: z.array(z.object({ code: z.string(), parameters: NormalisationParametersSchema })),
  /** Computed anyway but worth a second look, e.g. an AHP matrix that fails the consistency check. */
  warnings: z.array(z.string()),
  /** Best first; units without a score last. */
  units: z.array(CompositeUnitResult),
})
export type CompositeIndexResponse = z.infer<typeof CompositeIndexResponse>
