import { z } from 'zod'
import { optionalText, trimmedText } from '../validation/common-fields'

/**
 * The M1 value model (PRODUCT.md M1): plans with categories and indicators; each indicator has a baseline,
 * yearly targets with a comparison operator, a direction and a nature (约束性/预期性); observations are
 * values per indicator × org unit × year, every revision kept. Derived indicators are formulas over others.
 */

/** How a target compares: "＞8" in a plan is `>` 8, which 8 itself does not meet. */
export const COMPARISON_OPERATORS = ['>=', '>', '<=', '<', '='] as const
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number]

export const DIRECTIONS = ['higher', 'lower'] as const
/** Whether more is better (高企数) or less is better (万元GDP综合能耗). */
export type Direction = (typeof DIRECTIONS)[number]

/** 约束性 (binding) targets get stricter status thresholds than 预期性 (expected) ones. */
export const INDICATOR_NATURES = ['binding', 'expected'] as const
export type IndicatorNature = (typeof INDICATOR_NATURES)[number]
export const INDICATOR_NATURE_LABELS: Record<IndicatorNature, string> = {
  binding: '约束性',
  expected: '预期性',
}

/**
 * How values combine over time and space: flows (研发投入, 技术合同成交额) sum; stocks (高企数) take the
 * latest; ratios are recomputed from their parts (derived), never averaged.
 */
export const AGGREGATIONS = ['sum', 'last', 'average', 'none'] as const
export type Aggregation = (typeof AGGREGATIONS)[number]

/** The expected path from baseline to final target that a plan assumes. */
export const PATH_MODELS = ['linear', 'constant_growth'] as const
export type PathModel = (typeof PATH_MODELS)[number]

export const INDICATOR_STATUSES = ['achieved', 'on_track', 'lagging', 'seriously_lagging', 'no_data'] as const
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number]
export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  achieved: '已完成',
  on_track: '进度正常',
  lagging: '滞后',
  seriously_lagging: '严重滞后',
  no_data: '无数据',
}

export const YEAR_MIN = 1990
export const YEAR_MAX = 2100
export const Year = z
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(YEAR_MIN, { error: `年份不能早于 ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年份不能晚于 ${YEAR_MAX}` })

/** A printed figure: the number (null when the cell holds none, e.g. "/" or "-") and the cell as printed. */
export const PrintedValue = z.strictObject({
  year: Year,
  value: z.number().nullable(),
  valueText: z.string(),
  /** e.g. "2019年数据" where the plan stars a figure. */
  note: z.string().nullable(),
})
export type PrintedValue = z.infer<typeof PrintedValue>

export const Target = z.strictObject({
  year: Year,
  op: z.enum(COMPARISON_OPERATORS, { error: '比较符号不正确' }),
  value: z.number().nullable(),
  valueText: z.string(),
})
export type Target = z.infer<typeof Target>

/** Formulas of derived indicators, by indicator code; recomputed whenever an input changes. */
export const DerivedFormula = z.discriminatedUnion('kind', [
  /** numerator / denominator × factor (100 for a percentage). */
  z.strictObject({
    kind: z.literal('ratio'),
    numerator: z.string(),
    denominator: z.string(),
    factor: z.number(),
  }),
  /** value / population × 10 000 (每万人…). */
  z.strictObject({ kind: z.literal('per_10k_population'), value: z.string(), population: z.string() }),
  /** (x_t / x_{t−1} − 1) × 100. */
  z.strictObject({ kind: z.literal('growth_rate'), of: z.string() }),
  /** ((x_t / x_{t−years})^(1/years) − 1) × 100. */
  z.strictObject({ kind: z.literal('cagr'), of: z.string(), years: z.number().int().min(1) }),
])
export type DerivedFormula = z.infer<typeof DerivedFormula>

export const IndicatorDefinition = z.strictObject({
  code: z.string().min(1).max(30),
  order: z.number().int().min(1),
  category: z.string().min(1),
  name: z.string().min(1),
  printedName: z.string().min(1),
  unit: z.string(),
  nature: z.enum(INDICATOR_NATURES).nullable(),
  direction: z.enum(DIRECTIONS),
  aggregation: z.enum(AGGREGATIONS),
  baseline: PrintedValue.nullable(),
  targets: z.array(Target),
  /** The plan's own printed result (十三五 表1's 2020年实际值). */
  printedActual: PrintedValue.nullable(),
  formula: DerivedFormula.nullable(),
  responsibleUnits: z.array(z.string()),
})
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>

/** Status thresholds on the progress ratio (actual progress ÷ expected progress), per nature. */
export const StatusThresholds = z.strictObject({
  /** At or above: 进度正常. */
  onTrack: z.number().min(0).max(1),
  /** At or above (and below onTrack): 滞后; below: 严重滞后. */
  lagging: z.number().min(0).max(1),
})
export type StatusThresholds = z.infer<typeof StatusThresholds>

export const DEFAULT_STATUS_THRESHOLDS: Record<IndicatorNature, StatusThresholds> = {
  expected: { onTrack: 0.9, lagging: 0.6 },
  binding: { onTrack: 0.95, lagging: 0.8 },
}

export const PlanDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** The org unit (by name) whose plan this is. */
  region: z.string().min(1),
  startYear: Year,
  endYear: Year,
  source: z.strictObject({ doc: z.string(), ref: z.string(), title: z.string() }),
  notes: z.array(z.string()),
  categories: z.array(z.string()),
  pathModel: z.enum(PATH_MODELS),
  indicators: z.array(IndicatorDefinition),
})
export type PlanDefinition = z.infer<typeof PlanDefinition>

export const OBSERVATION_VALUE_MAX_ABS = 1e15

/** One reported value, as entered by form, imported or computed. */
export const ObservationInput = z.strictObject({
  indicatorCode: z.string().min(1).max(30),
  orgUnitId: z.uuid({ error: '机构编号格式不正确' }),
  year: Year,
  value: z
    .number({ error: '数值必须是数字' })
    .refine(Number.isFinite, { error: '数值必须是有限的数字' })
    .refine((v) => Math.abs(v) <= OBSERVATION_VALUE_MAX_ABS, { error: '数值超出范围' }),
  source: trimmedText('数据来源', 500),
  note: optionalText('备注', 500).optional(),
})
export type ObservationInput = z.infer<typeof ObservationInput>
