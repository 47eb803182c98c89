import {
  AHP_CONSISTENCY_RATIO_LIMIT,
  COMPOSITE_AGGREGATION_LABELS,
  CompositeIndexRecipe,
  INDICATOR_STATUS_LABELS,
  NORMALISATION_METHOD_LABELS,
  STATUS_RULE_LABELS,
  WEIGHTING_METHOD_LABELS,
  computeCompositeIndex,
  createIndicatorStatusEvaluator,
  createIndicatorValueCube,
  indicatorEntryYears,
  type CompositeIndexQuery,
  type CompositeIndexRequest,
  type CompositeIndexRequestWeighting,
  type CompositeWeighting,
  type CompositeIndexResponse,
  type IndicatorStatus,
  type IndicatorStatusEvaluator,
  type IndicatorStatusResult,
  type IndicatorStatusRow,
  type IndicatorTrend,
  type OrgUnitComparison,
  type PlanDashboard,
  type PlanDashboardQuery,
  type PlanStatus,
  type PlanStatusQuery,
  type StatusCounts,
  type UnitTaskProgress,
} from '@kechuang/core/indicators'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import type { OrgUnitsService } from '../org-units/org-units.service'
import { indicatorErrors } from './indicators.errors'
import { listIndicatorsOfPlan, type IndicatorRow, type PlanViewRow } from './indicators.repository'
import { assertYearWithin, planYears, requireVisiblePlan, resolveValuesUnit } from './plan-access'
import { listChildUnits, listCurrentValues, type CurrentValueRow } from './plan-status.repository'
import { computeTaskUnitProgress } from './tasks.service'
import { listLatestReportsPerYear, listResponsibleUnitsInScope, listTasksOfPlan } from './tasks.repository'

export interface PlanStatusService {
  getStatus(actor: Actor, planId: string, query: PlanStatusQuery): Promise<PlanStatus>
  getDashboard(actor: Actor, planId: string, query: PlanDashboardQuery): Promise<PlanDashboard>
  getCompositeIndex(actor: Actor, planId: string, query: CompositeIndexQuery): Promise<CompositeIndexResponse>
  computeCompositeIndex(
    actor: Actor,
    planId: string,
    request: CompositeIndexRequest,
  ): Promise<CompositeIndexResponse>
}

const AT_RISK: readonly IndicatorStatus[] = ['seriously_lagging', 'lagging']

/**
 * Status, dashboard (驾驶舱) and composite index of a plan, computed on read by the core functions: this file
 * only loads values and shapes responses. Whose values: the unit asked for (inside the reader's scope and the
 * plan's region), else the region when the reader oversees it, else the reader's own unit.
 */
export function createPlanStatusService({
  db,
  orgUnits,
  now = () => new Date(),
}: {
  db: Database
  orgUnits: Pick<OrgUnitsService, 'findInScope'>
  now?: () => Date
}): PlanStatusService {
  // The indicators with one status evaluator each, and the years a value may exist for.
  const loadPlan = async (actor: Actor, planId: string) => {
    const plan = await requireVisiblePlan(db, actor, planId)
    const indicators = await listIndicatorsOfPlan(db, plan.id)
    const thresholds = plan.statusThresholds
    const evaluators = new Map(
      indicators.map((i) => [
        i.id,
        createIndicatorStatusEvaluator(i, { pathModel: plan.pathModel, thresholds }),
      ]),
    )
    return { plan, indicators, evaluators, years: planYears(plan, indicators) }
  }

  // The year asked for, else the latest year with a value, else this year within the plan's years.
  const chooseYear = (
    asked: number | undefined,
    values: readonly CurrentValueRow[],
    years: { from: number; to: number },
  ) => {
    if (asked !== undefined) {
      assertYearWithin(asked, years)
      return asked
    }
    let latest: number | null = null
    for (const { year } of values) {
      if (year >= years.from && year <= years.to && (latest === null || year > latest)) latest = year
    }
    if (latest !== null) return latest
    return Math.min(years.to, Math.max(years.from, now().getFullYear()))
  }

  const computeStatus = async (actor: Actor, planId: string, query: PlanStatusQuery) => {
    const loaded = await loadPlan(actor, planId)
    const unit = await resolveValuesUnit(orgUnits, actor, loaded.plan, query.orgUnitId)
    const values = await listCurrentValues(db, loaded.plan.id, [unit.id])
    const year = chooseYear(query.year, values, loaded.years)
    const byIndicator = groupByIndicator(values)
    const rows = loaded.indicators.map((indicator) =>
      toStatusRow(
        indicator,
        loaded.evaluators.get(indicator.id)!(yearValues(byIndicator, indicator.id), year),
      ),
    )
    return { ...loaded, unit, year, byIndicator, rows }
  }

  return {
    async getStatus(actor, planId, query) {
      const { plan, unit, year, rows } = await computeStatus(actor, planId, query)
      return {
        planId: plan.id,
        orgUnit: { id: unit.id, name: unit.name },
        year,
        rows,
        counts: countStatuses(rows),
      }
    },

    async getDashboard(actor, planId, query) {
      const status = await computeStatus(actor, planId, query)
      const { plan, indicators, evaluators, unit, year, rows, byIndicator } = status
      const chosen = query.indicatorId ? indicators.find((i) => i.id === query.indicatorId) : indicators[0]
      if (query.indicatorId && !chosen) throw indicatorErrors.INDICATOR_NOT_FOUND({ id: query.indicatorId })
      const atRisk = rows
        .filter((r) => AT_RISK.includes(r.status))
        .sort((a, b) => AT_RISK.indexOf(a.status) - AT_RISK.indexOf(b.status))
      const [comparison, taskProgress] = await Promise.all([
        chosen ? compareChildUnits(db, plan, unit.id, chosen, evaluators.get(chosen.id)!, year) : null,
        summariseTaskProgress(db, plan.id, unit.path, year, now().getFullYear()),
      ])
      return {
        planId: plan.id,
        planName: plan.name,
        orgUnit: { id: unit.id, name: unit.name },
        year,
        counts: countStatuses(rows),
        indicatorCount: indicators.length,
        bindingAtRisk: atRisk.filter((r) => r.nature === 'binding'),
        lagging: atRisk,
        trends: indicators.map((indicator) =>
          toTrend(plan, indicator, evaluators.get(indicator.id)!, yearValues(byIndicator, indicator.id)),
        ),
        comparison,
        taskProgress,
      }
    },

    getCompositeIndex(actor, planId, query) {
      const codes = query.indicators?.split(',').map((c) => c.trim())
      return rankChildUnits(
        actor,
        planId,
        {
          ...query,
          weighting: { method: query.weighting },
          indicators: codes && [...new Set(codes)].filter(Boolean),
        },
        (code) => indicatorErrors.INDICATOR_NOT_FOUND({ indicatorCode: code }, `该规划中没有指标 ${code}`),
      )
    },

    computeCompositeIndex(actor, planId, request) {
      return rankChildUnits(actor, planId, request, (code) =>
        indicatorErrors.RECIPE_INDICATOR_UNKNOWN({ indicatorCode: code }, `该规划中没有指标 ${code}`),
      )
    },
  }

  // The GET and POST composite index: the child units of the unit asked for, ranked by the recipe.
  async function rankChildUnits(
    actor: Actor,
    planId: string,
    options: CompositeIndexRequest,
    unknownIndicator: (code: string) => Error,
  ): Promise<CompositeIndexResponse> {
    const { plan, indicators, years } = await loadPlan(actor, planId)
    const parent = await resolveValuesUnit(orgUnits, actor, plan, options.orgUnitId)
    const children = await listChildUnits(db, parent.id)
    const values = (
      await listCurrentValues(
        db,
        plan.id,
        children.map((c) => c.id),
      )
    ).filter((v) => v.year >= years.from && v.year <= years.to)
    const withValues = new Set(values.map((v) => v.orgUnitId))
    const units = children.filter((c) => withValues.has(c.id))
    if (units.length === 0) {
      throw indicatorErrors.NOTHING_TO_RANK(
        { orgUnitId: parent.id },
        `「${parent.name}」的下级机构还没有本规划的指标数值，无法计算综合指数`,
      )
    }
    const year = chooseYear(options.year, values, years)
    const chosen = chooseRankedIndicators(indicators, values, options, unknownIndicator)
    const parsed = CompositeIndexRecipe.safeParse({
      indicators: chosen.map((i) => ({
        code: i.code,
        category: i.category,
        direction: i.direction,
        target: finalTargetValue(i),
      })),
      normalisation: { method: options.normalisation },
      weighting: toRecipeWeighting(options.weighting),
      aggregation: options.topsis ? 'topsis' : 'weighted_mean',
    })
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
      }))
      throw indicatorErrors.RECIPE_INVALID(
        details,
        `无法计算综合指数：${details.map((d) => d.message).join('；')}`,
      )
    }
    const recipe = parsed.data
    const codeOf = new Map(indicators.map((i) => [i.id, i.code]))
    const windowYears = range(years.from, years.to)
    const cube = createIndicatorValueCube(
      chosen.map((i) => i.code),
      units.map((u) => u.id),
      windowYears,
      values.map((v) => ({ indicatorCode: codeOf.get(v.indicatorId)!, ...v })),
    )
    const result = computeCompositeIndex({ recipe, cube, year })
    const nameOf = new Map(units.map((u) => [u.id, u.name]))
    return {
      planId: plan.id,
      year,
      windowYears,
      recipe,
      method: {
        normalisationLabel: NORMALISATION_METHOD_LABELS[recipe.normalisation.method],
        weightingLabel: WEIGHTING_METHOD_LABELS[recipe.weighting.method],
        aggregation: recipe.aggregation,
        aggregationLabel: COMPOSITE_AGGREGATION_LABELS[recipe.aggregation],
      },
      indicators: chosen.map((i) => ({ code: i.code, name: i.name, unit: i.unit })),
      weights: result.weights,
      ahp: result.ahp,
      entropy: result.entropy,
      normalisation: result.normalisation.map(({ code, parameters }) => ({
        code,
        parameters: {
          ...parameters,
          mean: finiteOrNull(parameters.mean),
          min: finiteOrNull(parameters.min),
          max: finiteOrNull(parameters.max),
        },
      })),
      warnings: result.ahp && !result.ahp.isConsistent ? [ahpInconsistencyWarning(result.ahp)] : [],
      units: result.units
        .map((u) => ({ ...u, orgUnitName: nameOf.get(u.orgUnitId)! }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
    }
  }
}

function ahpInconsistencyWarning(ahp: { consistencyRatio: number }): string {
  return (
    `判断矩阵的一致性比率 CR = ${ahp.consistencyRatio.toFixed(3)}，不小于 ${AHP_CONSISTENCY_RATIO_LIMIT}，` +
    '未通过一致性检验：权重仍按该矩阵计算，仅供参考，请调整两两比较后重新计算'
  )
}

// The request's weighting in the recipe's form: manual weights and AHP rows in the order of the indicators,
// which for these two methods are the codes the weighting names (chooseRankedIndicators).
function toRecipeWeighting(weighting: CompositeIndexRequestWeighting): CompositeWeighting {
  switch (weighting.method) {
    case 'manual':
      return { method: 'manual', weights: Object.values(weighting.weights) }
    case 'ahp':
      return { method: 'ahp', pairwise: weighting.matrix }
    default:
      return weighting
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k)
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

function groupByIndicator(values: readonly CurrentValueRow[]): Map<string, Map<number, number>> {
  const grouped = new Map<string, Map<number, number>>()
  for (const v of values) {
    let byYear = grouped.get(v.indicatorId)
    if (!byYear) grouped.set(v.indicatorId, (byYear = new Map()))
    byYear.set(v.year, v.value)
  }
  return grouped
}

const NO_VALUES: ReadonlyMap<number, number> = new Map()
function yearValues(grouped: Map<string, Map<number, number>>, indicatorId: string) {
  return grouped.get(indicatorId) ?? NO_VALUES
}

function toStatusRow(indicator: IndicatorRow, result: IndicatorStatusResult): IndicatorStatusRow {
  const { comparison, expected } = result
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    name: indicator.name,
    category: indicator.category,
    unit: indicator.unit,
    nature: indicator.nature,
    direction: indicator.direction,
    isDerived: indicator.formula !== null,
    year: result.year,
    value: result.current,
    target: result.yearTarget,
    finalTarget: result.finalTarget,
    expected: expected && {
      value: expected.value,
      appliedModel: expected.appliedModel,
      fallbackReason: expected.fallbackReason,
    },
    completionRatio: comparison?.completionRatio ?? null,
    completionRatioUndefinedReason: comparison?.completionRatioUndefinedReason ?? null,
    progressRatio: result.progressRatio,
    isMet: result.status === 'achieved',
    status: result.status,
    statusLabel: INDICATOR_STATUS_LABELS[result.status],
    gap: comparison?.gap ?? null,
    gapText: comparison?.gapText ?? null,
    rule: result.rule,
    ruleLabel: STATUS_RULE_LABELS[result.rule],
    baseline: indicator.baseline,
  }
}

function countStatuses(rows: readonly { status: IndicatorStatus }[]): StatusCounts {
  const counts: StatusCounts = { achieved: 0, on_track: 0, lagging: 0, seriously_lagging: 0, no_data: 0 }
  for (const row of rows) counts[row.status]++
  return counts
}

// One point per year from the baseline year to the plan's end: value, printed target, expected path.
function toTrend(
  plan: PlanViewRow,
  indicator: IndicatorRow,
  evaluate: IndicatorStatusEvaluator,
  values: ReadonlyMap<number, number>,
): IndicatorTrend {
  const { from, to } = indicatorEntryYears(plan, indicator)
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.baseline,
    points: range(from, to).map((year) => ({
      year,
      value: values.get(year) ?? null,
      target: indicator.targets.find((t) => t.year === year)?.value ?? null,
      expected: evaluate(values, year).expected?.value ?? null,
    })),
  }
}

async function compareChildUnits(
  db: Database,
  plan: PlanViewRow,
  parentId: string,
  indicator: IndicatorRow,
  evaluate: IndicatorStatusEvaluator,
  year: number,
): Promise<OrgUnitComparison> {
  const children = await listChildUnits(db, parentId)
  const values = await listCurrentValues(
    db,
    plan.id,
    children.map((c) => c.id),
    { indicatorId: indicator.id, year },
  )
  const valueOf = new Map(values.map((v) => [v.orgUnitId, v.value]))
  return {
    indicatorId: indicator.id,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    year,
    units: children.map((child) => {
      const value = valueOf.get(child.id)
      const { status } = evaluate(value === undefined ? NO_VALUES : new Map([[year, value]]), year)
      return {
        orgUnitId: child.id,
        orgUnitName: child.name,
        value: value ?? null,
        status,
        statusLabel: INDICATOR_STATUS_LABELS[status],
      }
    }),
  }
}

// Per responsible unit inside the dashboard's unit: its tasks, and for the year the reports made, the
// milestones ended without a report and those ended without a report of 100 %.
async function summariseTaskProgress(
  db: Database,
  planId: string,
  scopePath: string,
  year: number,
  currentYear: number,
): Promise<UnitTaskProgress[]> {
  const [tasks, responsible, reports] = await Promise.all([
    listTasksOfPlan(db, planId),
    listResponsibleUnitsInScope(db, planId, scopePath),
    listLatestReportsPerYear(db, planId, scopePath),
  ])
  const taskById = new Map(tasks.map((t) => [t.id, t]))
  const byUnit = new Map<string, UnitTaskProgress>()
  for (const { taskId, orgUnitId, orgUnitName } of responsible) {
    const task = taskById.get(taskId)!
    const unitReports = reports.filter((r) => r.taskId === taskId && r.orgUnitId === orgUnitId)
    const progress = computeTaskUnitProgress(task, { orgUnitId, orgUnitName }, unitReports, currentYear)
    let summary = byUnit.get(orgUnitId)
    if (!summary) {
      summary = { orgUnitId, orgUnitName, taskCount: 0, reportedCount: 0, missingCount: 0, overdueCount: 0 }
      byUnit.set(orgUnitId, summary)
    }
    summary.taskCount++
    if (unitReports.some((r) => r.year === year)) summary.reportedCount++
    if (progress.missingReportYears.includes(year)) summary.missingCount++
    if (progress.overdueYears.includes(year)) summary.overdueCount++
  }
  return [...byUnit.values()]
}

// Manual and AHP weights rank the codes they name (the indicators asked for, if any, must be the same);
// otherwise the indicators asked for by code, else every indicator with a value among the units. Distance to
// target leaves out indicators without a numeric target unless they were asked for (the recipe then says why).
function chooseRankedIndicators(
  indicators: readonly IndicatorRow[],
  values: readonly CurrentValueRow[],
  options: Pick<CompositeIndexRequest, 'indicators' | 'normalisation' | 'weighting'>,
  unknownIndicator: (code: string) => Error,
): IndicatorRow[] {
  const { weighting } = options
  const weighted =
    weighting.method === 'manual'
      ? Object.keys(weighting.weights)
      : weighting.method === 'ahp'
        ? weighting.items
        : undefined
  if (weighted && options.indicators) {
    const asked = new Set(options.indicators)
    if (asked.size !== weighted.length || weighted.some((code) => !asked.has(code)))
      throw indicatorErrors.RECIPE_INDICATORS_MISMATCH(
        { indicators: options.indicators, weighted },
        `所选指标（${options.indicators.join('、')}）与赋权的指标（${weighted.join('、')}）不一致`,
      )
  }
  const codes = weighted ?? options.indicators
  if (codes) {
    return codes.map((code) => {
      const indicator = indicators.find((i) => i.code === code)
      if (!indicator) throw unknownIndicator(code)
      return indicator
    })
  }
  const withValues = new Set(values.map((v) => v.indicatorId))
  return indicators.filter(
    (i) =>
      withValues.has(i.id) &&
      (options.normalisation !== 'distance_to_target' || finalTargetValue(i) !== null),
  )
}

function finalTargetValue(indicator: IndicatorRow): number | null {
  const numeric = indicator.targets.filter((t) => t.value !== null).sort((a, b) => a.year - b.year)
  return numeric.at(-1)?.value ?? null
}
