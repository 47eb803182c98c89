import { z } from 'zod'
import {
  DEFAULT_STATUS_THRESHOLDS,
  DIRECTIONS,
  PlanDefinition,
  type IndicatorDefinition,
  PrintedValue,
  Target,
  type Aggregation,
  type IndicatorNature,
} from '@kechuang/core/indicators'
import type { RegisterMetric } from '@kechuang/core/registers'
import type { SeedOrgUnit } from './org-units.seed'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// plans.json as extracted from the documents (seed-data README "plans.json"). Strict: a field this
// mapping does not know stops the seed instead of being dropped.
const SourceIndicator = z.strictObject({
  code: z.string(),
  order: z.number().int(),
  category: z.string(),
  name: z.string(),
  printedName: z.string(),
  unit: z.string(),
  attribute: z.enum(['约束性', '预期性']).nullable(),
  direction: z.enum(DIRECTIONS),
  baseline: PrintedValue.nullable(),
  targets: z.array(Target),
  actual: PrintedValue.optional(),
})
const SourcePlan = z.strictObject({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  source: z.strictObject({ doc: z.string(), ref: z.string(), title: z.string() }),
  notes: z.array(z.string()),
  categories: z.array(z.string()),
  indicators: z.array(SourceIndicator),
})

const NATURES: Record<'约束性' | '预期性', IndicatorNature> = { 约束性: 'binding', 预期性: 'expected' }

// Ratios, shares and per-person figures (unit % or x/y, 每万…, 万名…, 人均…) are neither summed nor carried
// forward: they are recomputed from their parts ('none'). Money (元, 万元, 亿元) and yearly counts of events
// (…申请数) are flows ('sum'). Everything else counts things that exist — enterprises, platforms, parks,
// people — and is a stock ('last'). LEARN-FROM.md M1, "Aggregation type per indicator".
const RATIO_UNIT = /[%/]/
const RATIO_NAME = /每万|万名|人均/
const MONEY_UNITS = new Set(['元', '万元', '亿元'])
const FLOW_NAME = /申请数/

/** How an indicator's values combine over time and across units, from its printed name and unit. */
export function aggregationOf(indicator: { name: string; unit: string }): Aggregation {
  if (RATIO_UNIT.test(indicator.unit) || RATIO_NAME.test(indicator.name)) return 'none'
  if (MONEY_UNITS.has(indicator.unit) || FLOW_NAME.test(indicator.name)) return 'sum'
  return 'last'
}

export interface SeedPlanRow {
  id: string
  name: string
  regionOrgUnitId: string
  startYear: number
  endYear: number
  source: PlanDefinition['source']
  notes: string[]
  categories: string[]
  pathModel: PlanDefinition['pathModel']
  statusThresholds: typeof DEFAULT_STATUS_THRESHOLDS
}

export type SeedIndicatorRow = IndicatorDefinition & {
  id: string
  planId: string
  registerMetric: RegisterMetric | null
}

// The indicators whose value the registers can compute (core registers register-metrics.ts): 高企 and 科技型中小企业
// counts, 省级以上 platforms of the kinds the indicator names, and 技术合同成交额 from the M5 contract registry in the
// indicator's own unit (亿元 in Huangshi's plans, 万元 in Daye's). Ratios (e.g. HS14-10 每万家企业法人中高新技术企业数)
// need a denominator the registers do not hold, so they have none.
const REGISTER_METRIC_OF_INDICATOR: Record<string, RegisterMetric> = {
  'HS13-01': 'provincial_key_laboratory_count',
  'HS13-02': 'provincial_eng_tech_center_count',
  'HS13-07': 'hnte_count',
  'HS13-14': 'tech_contract_amount_100m',
  'HS13-15': 'provincial_incubation_carrier_count',
  'HS14-01': 'provincial_innovation_platform_count',
  'HS14-02': 'provincial_new_rd_institution_count',
  'HS14-09': 'tsme_count',
  'HS14-16': 'provincial_incubation_carrier_count',
  'HS14-18': 'provincial_tech_transfer_count',
  'HS14-19': 'tech_contract_amount_100m',
  'DY-15': 'hnte_count',
  'DY-19': 'tech_contract_amount_10k',
  'DY-24': 'tsme_count',
}

export interface SeedPlans {
  definitions: PlanDefinition[]
  plans: SeedPlanRow[]
  indicators: SeedIndicatorRow[]
}

/** The three plans of the shipped dataset, checked with the core PlanDefinition schema. */
export function buildSeedPlans(units: SeedOrgUnit[]): SeedPlans {
  const definitions = z
    .array(SourcePlan)
    .parse(readSeedSource('plans.json'))
    .map((plan) =>
      PlanDefinition.parse({
        id: plan.id,
        name: plan.name,
        region: plan.region,
        startYear: plan.startYear,
        endYear: plan.endYear,
        source: plan.source,
        notes: plan.notes,
        categories: plan.categories,
        // The documents print only yearly targets, no path: a straight line from baseline to target.
        pathModel: 'linear',
        indicators: plan.indicators.map((indicator) => ({
          code: indicator.code,
          order: indicator.order,
          category: indicator.category,
          name: indicator.name,
          printedName: indicator.printedName,
          unit: indicator.unit,
          nature: indicator.attribute ? NATURES[indicator.attribute] : null,
          direction: indicator.direction,
          aggregation: aggregationOf(indicator),
          baseline: indicator.baseline,
          targets: indicator.targets,
          printedActual: indicator.actual ?? null,
          // None of the printed indicators is given as a formula over the others.
          formula: null,
          // The indicator tables print no 责任单位; the task schedule names them per task.
          responsibleUnits: [],
        })),
      }),
    )
  const plans = definitions.map((plan): SeedPlanRow => {
    const region = units.find((u) => u.name === plan.region)
    if (!region) throw new Error(`seed: region ${plan.region} of plan ${plan.id} is not an org unit`)
    return {
      id: plan.id,
      name: plan.name,
      regionOrgUnitId: region.id,
      startYear: plan.startYear,
      endYear: plan.endYear,
      source: plan.source,
      notes: plan.notes,
      categories: plan.categories,
      pathModel: plan.pathModel,
      statusThresholds: DEFAULT_STATUS_THRESHOLDS,
    }
  })
  const indicators = definitions.flatMap((plan) =>
    plan.indicators.map((indicator) => ({
      ...indicator,
      id: stableId(`indicator:${plan.id}:${indicator.code}`),
      planId: plan.id,
      registerMetric: REGISTER_METRIC_OF_INDICATOR[indicator.code] ?? null,
    })),
  )
  return { definitions, plans, indicators }
}
