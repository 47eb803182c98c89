import { compareToTarget, meetsTarget, type TargetComparison } from './compare-to-target'
import { buildExpectedPath, expectedValueAt, type ExpectedValue, type PathPoint } from './expected-path'
import {
  DEFAULT_STATUS_THRESHOLDS,
  type Direction,
  type IndicatorDefinition,
  type IndicatorNature,
  type IndicatorStatus,
  type PathModel,
  type StatusThresholds,
  type Target,
} from './indicators.schemas'

/** What status needs of an indicator; an IndicatorDefinition fits. */
export type StatusIndicator = Pick<
  IndicatorDefinition,
  'direction' | 'nature' | 'unit' | 'baseline' | 'targets'
>

/** Values of one indicator for one org unit, by year. */
export type ObservationsByYear = ReadonlyMap<number, number>

export interface IndicatorStatusOptions {
  pathModel: PathModel
  /** Defaults to DEFAULT_STATUS_THRESHOLDS; an indicator without a printed nature (Huangshi) uses 预期性. */
  thresholds?: Readonly<Record<IndicatorNature, StatusThresholds>>
}

/** Which rule decided a status, so the UI can say why. */
export const STATUS_RULES = [
  'no_observation',
  'no_target',
  'year_target_met',
  'final_target_met',
  'progress_ratio',
  'no_progress_expected',
  'completion_ratio',
  'completion_ratio_undefined',
  'no_reference',
  'final_target_missed',
] as const
export type StatusRule = (typeof STATUS_RULES)[number]
export const STATUS_RULE_LABELS: Record<StatusRule, string> = {
  no_observation: '本年度没有填报值',
  no_target: '该指标没有数值目标',
  year_target_met: '已达到本年度目标',
  final_target_met: '已达到规划期末目标',
  progress_ratio: '按进度比（实际进展 ÷ 预期进展）与阈值比较',
  no_progress_expected: '预期值等于基期值（规划未要求进展），按实际值是否不劣于预期值判定',
  completion_ratio: '无基期值，按本年度目标完成率与阈值比较',
  completion_ratio_undefined: '目标值为零或负数，无法计算完成率；未达标按滞后处理',
  no_reference: '无基期值且本年度无目标，无法判断进度',
  final_target_missed: '已到规划期末目标年份仍未达标，最多判为滞后',
}

export interface IndicatorStatusResult {
  status: IndicatorStatus
  rule: StatusRule
  year: number
  baseline: PathPoint | null
  current: number | null
  /** The target printed for this year; once the final target year has passed, the final target. */
  yearTarget: Target | null
  /** `current` against `yearTarget`: met?, 完成率, gap and its text. */
  comparison: TargetComparison | null
  finalTarget: Target | null
  isFinalTargetMet: boolean | null
  expected: ExpectedValue | null
  /** d·(x_t − b) / d·(E_t − b); see computeProgressRatio. */
  progressRatio: number | null
  thresholds: StatusThresholds
}

export type IndicatorStatusEvaluator = (
  observations: ObservationsByYear,
  year: number,
) => IndicatorStatusResult

type NumericTarget = Target & { value: number }

/**
 * Progress ratio R = d·(x_t − b) / d·(E_t − b), d = +1 when higher is better and −1 when lower is better
 * (LEARN-FROM M1, "Zero baselines"): 1 = on the expected path, 0 = no change since the baseline, negative =
 * moved the wrong way. Only differences are divided, so zero and negative baselines need no special case.
 * Null when the path expects no improvement by then (E_t = b, or a permitted decline): there is no expected
 * progress to divide by, and the status compares x_t with E_t instead (rule `no_progress_expected`).
 */
export function computeProgressRatio(
  current: number,
  baseline: number,
  expected: number,
  direction: Direction,
): number | null {
  const sign = direction === 'higher' ? 1 : -1
  const expectedProgress = sign * (expected - baseline)
  // Below float noise the path expects nothing: 0.30 − 0.3 must not divide by 5e-17.
  if (expectedProgress <= 0 || meetsTarget(expected, '=', baseline)) return null
  return (sign * (current - baseline)) / expectedProgress
}

/**
 * The status band of a ratio: at or above `onTrack` 进度正常, at or above `lagging` 滞后, below 严重滞后. The
 * bounds are compared like a "≥" target, so a ratio of 0.9 computed as 0.8999999999999999 is on track.
 */
export function gradeRatio(ratio: number, thresholds: StatusThresholds): IndicatorStatus {
  if (meetsTarget(ratio, '>=', thresholds.onTrack)) return 'on_track'
  if (meetsTarget(ratio, '>=', thresholds.lagging)) return 'lagging'
  return 'seriously_lagging'
}

/**
 * Prepares status for one indicator; the returned function gives the status of one org unit's values in one
 * year. The path and the targets are the same for every org unit, so they are worked out once per year and
 * shared (evaluating 200 units × 60 indicators × 10 years stays cheap).
 *
 * Rules, first match wins (`rule` in the result):
 * 1. no value for the year → 无数据; no numeric target at all (DY-17 prints "-") → 无数据;
 * 2. the year's target met, or the final target met early → 已完成;
 * 3. with a baseline: progress ratio against the thresholds of the indicator's nature (stricter for 约束性);
 *    where the path expects no progress, not worse than expected → 进度正常, worse → 严重滞后 (it went backwards,
 *    the limit of R < 0);
 * 4. without a baseline: 完成率 against the year's target, with the same thresholds; a target of zero or below
 *    has no 完成率, so a miss there is 滞后; no target for the year either → 无数据 (nothing to judge against);
 * 5. from the final target year on, a missed final target is at best 滞后: the plan's time is up, so being close
 *    to the path ("＞8" reached exactly is R = 1) no longer reads 进度正常.
 */
export function createIndicatorStatusEvaluator(
  indicator: StatusIndicator,
  options: IndicatorStatusOptions,
): IndicatorStatusEvaluator {
  const { direction, unit } = indicator
  const thresholds = (options.thresholds ?? DEFAULT_STATUS_THRESHOLDS)[indicator.nature ?? 'expected']
  const targets = indicator.targets
    .filter((t): t is NumericTarget => t.value !== null)
    .sort((a, b) => a.year - b.year)
  const finalTarget = targets.at(-1) ?? null
  const path = buildExpectedPath(indicator.baseline, targets, options.pathModel)
  const baseline = path?.points[0] ?? null
  const yearContext = new Map<number, { yearTarget: NumericTarget | null; expected: ExpectedValue | null }>()

  const contextOf = (year: number) => {
    let context = yearContext.get(year)
    if (context === undefined) {
      const printed = targets.find((t) => t.year === year)
      const yearTarget = printed ?? (finalTarget !== null && year > finalTarget.year ? finalTarget : null)
      context = { yearTarget, expected: path === null ? null : expectedValueAt(path, year) }
      yearContext.set(year, context)
    }
    return context
  }

  return (observations, year) => {
    const { yearTarget, expected } = contextOf(year)
    const current = observations.get(year) ?? null
    const result: IndicatorStatusResult = {
      status: 'no_data',
      rule: 'no_observation',
      year,
      baseline,
      current,
      yearTarget,
      comparison: null,
      finalTarget,
      isFinalTargetMet: null,
      expected,
      progressRatio: null,
      thresholds,
    }
    if (current === null) return result
    if (finalTarget === null) return decide(result, 'no_data', 'no_target')

    const comparison =
      yearTarget === null
        ? null
        : compareToTarget({ actual: current, op: yearTarget.op, target: yearTarget.value, direction, unit })
    result.comparison = comparison
    result.isFinalTargetMet = meetsTarget(current, finalTarget.op, finalTarget.value)
    if (comparison?.isMet) return decide(result, 'achieved', 'year_target_met')
    if (result.isFinalTargetMet) return decide(result, 'achieved', 'final_target_met')

    const verdict = gradeShortfall({ current, direction, baseline, expected, comparison, thresholds })
    result.progressRatio = verdict.progressRatio
    // Rule 5: once the final target year is reached, an unmet target cannot be 进度正常.
    if (year >= finalTarget.year && verdict.status === 'on_track') {
      return decide(result, 'lagging', 'final_target_missed')
    }
    return decide(result, verdict.status, verdict.rule)
  }
}

function decide(
  result: IndicatorStatusResult,
  status: IndicatorStatus,
  rule: StatusRule,
): IndicatorStatusResult {
  result.status = status
  result.rule = rule
  return result
}

interface Shortfall {
  current: number
  direction: Direction
  baseline: PathPoint | null
  expected: ExpectedValue | null
  comparison: TargetComparison | null
  thresholds: StatusThresholds
}

// Rules 3 and 4: how far behind a value is when no target is met yet.
function gradeShortfall({ current, direction, baseline, expected, comparison, thresholds }: Shortfall): {
  status: IndicatorStatus
  rule: StatusRule
  progressRatio: number | null
} {
  if (baseline !== null && expected !== null) {
    const progressRatio = computeProgressRatio(current, baseline.value, expected.value, direction)
    if (progressRatio !== null) {
      return { status: gradeRatio(progressRatio, thresholds), rule: 'progress_ratio', progressRatio }
    }
    const isNotWorse = meetsTarget(current, direction === 'higher' ? '>=' : '<=', expected.value)
    const status = isNotWorse ? 'on_track' : 'seriously_lagging'
    return { status, rule: 'no_progress_expected', progressRatio: null }
  }
  if (comparison === null) return { status: 'no_data', rule: 'no_reference', progressRatio: null }
  if (comparison.completionRatio === null) {
    return { status: 'lagging', rule: 'completion_ratio_undefined', progressRatio: null }
  }
  return {
    status: gradeRatio(comparison.completionRatio, thresholds),
    rule: 'completion_ratio',
    progressRatio: null,
  }
}

export interface IndicatorStatusInput extends IndicatorStatusOptions {
  indicator: StatusIndicator
  observations: ObservationsByYear
  year: number
}

/**
 * The status of one indicator for one org unit in one year, with every component (baseline, current value,
 * the year's target, expected value, progress ratio, 完成率, met?, gap, deciding rule) so the UI can explain it.
 * For many units or years use createIndicatorStatusEvaluator, which shares the per-indicator work.
 */
export function computeIndicatorStatus(input: IndicatorStatusInput): IndicatorStatusResult {
  return createIndicatorStatusEvaluator(input.indicator, input)(input.observations, input.year)
}
