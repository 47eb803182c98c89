import {
  MAX_DISPLAY_DECIMALS,
  countDecimals,
  formatDifference,
  formatQuantity,
  roundToDecimals,
} from './format-indicator-number'
import { type ComparisonOperator, type Direction } from './indicators.schemas'

/**
 * Relative tolerance under which two values count as equal: far below any printed precision (the plans print
 * at most 2–4 decimals) and far above float noise, so 0.1 + 0.2 equals 0.3 and a computed 2.9999999999999996
 * meets "≥ 3". Used by every comparison with a target, so "=" and the bounds of "≥"/"＞" agree.
 */
export const VALUE_RELATIVE_TOLERANCE = 1e-9

/** Whether two values are equal up to VALUE_RELATIVE_TOLERANCE (absolute 1e-9 below magnitude 1). */
export function isSameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= VALUE_RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))
}

/**
 * Whether `actual` satisfies "op target" exactly as printed: "＞8" is not met by 8, "≤0.30" is met by 0.30 and
 * by 0.29, "=" allows only float noise (VALUE_RELATIVE_TOLERANCE).
 */
export function meetsTarget(actual: number, op: ComparisonOperator, target: number): boolean {
  const same = isSameValue(actual, target)
  switch (op) {
    case '>=':
      return same || actual > target
    case '>':
      return !same && actual > target
    case '<=':
      return same || actual < target
    case '<':
      return !same && actual < target
    case '=':
      return same
  }
}

export const COMPLETION_RATIO_UNDEFINED_REASONS = ['target_not_positive', 'actual_not_positive'] as const
export type CompletionRatioUndefinedReason = (typeof COMPLETION_RATIO_UNDEFINED_REASONS)[number]
export const COMPLETION_RATIO_UNDEFINED_LABELS: Record<CompletionRatioUndefinedReason, string> = {
  target_not_positive: '目标值为零或负数，不计算完成率',
  actual_not_positive: '实际值为零或负数，越低越好的指标不计算完成率',
}

/**
 * Why a completion ratio has no meaning here, or null when it has one. A quotient keeps its meaning only when
 * the target is positive and, for lower-is-better, the actual is positive too: a zero target has no ratio, a
 * negative one turns "more" into a smaller ratio, and target / 0 is infinite. We do not replace zeros by 0.001
 * as Open SDG does (its own methodology warns that this distorts results; LEARN-FROM M1 "Avoid").
 */
export function explainUndefinedCompletionRatio(
  actual: number,
  target: number,
  direction: Direction,
): CompletionRatioUndefinedReason | null {
  if (target <= 0) return 'target_not_positive'
  if (direction === 'lower' && actual <= 0) return 'actual_not_positive'
  return null
}

/**
 * 完成率 against a target as a ratio (1 = on target; show ×100 as "123.3%"), direction-aware:
 * higher is better → actual / target (555 against 450 → 1.2333); lower is better (万元GDP综合能耗) →
 * target / actual (0.29 against 0.30 → 1.0345). Null where explainUndefinedCompletionRatio gives a reason;
 * whether the target is met is still decided by the operator. A negative actual against a positive target
 * (a falling growth rate) gives a negative ratio for higher-is-better, which keeps the ratio rising with the actual.
 */
export function computeCompletionRatio(actual: number, target: number, direction: Direction): number | null {
  if (explainUndefinedCompletionRatio(actual, target, direction) !== null) return null
  return direction === 'higher' ? actual / target : target / actual
}

export interface TargetComparison {
  isMet: boolean
  completionRatio: number | null
  completionRatioUndefinedReason: CompletionRatioUndefinedReason | null
  /**
   * What is still needed to reach the target's bound, in the indicator's unit, rounded to the inputs' decimals;
   * 0 when met. For ">"/"<" the bound itself does not pass: 8 against "＞8" has gap 0 yet is not met.
   */
  gap: number
  /** How far a met target is passed, in the indicator's unit (0 when not met, and for "="). */
  exceededBy: number
  /** "差 5 家", "需超过 8%", "已达标，超出 105 家" … */
  gapText: string
}

export interface TargetComparisonInput {
  actual: number
  op: ComparisonOperator
  target: number
  direction: Direction
  unit: string
}

/**
 * Compares a value with one target: met or not (by the operator), 完成率 (by the direction), and the gap in the
 * indicator's unit with its Chinese text. Gaps keep the decimals of the inputs (at most MAX_DISPLAY_DECIMALS):
 * 0.30 − 0.29 is 0.01, never 0.010000000000000009; a shortfall too small for that precision gets the places it
 * needs (up to 10), so a miss never reads "差 0".
 *
 * Strict operators: for "＞8" the gap is the distance to 8, and the text always names the bound that must be
 * passed ("需超过 8%", or "需超过 8%（还差 2 个百分点）" from 6), since no smallest passing value exists for
 * continuous figures and "差 0" would read as done.
 */
export function compareToTarget(input: TargetComparisonInput): TargetComparison {
  const { actual, op, target, direction } = input
  const isMet = meetsTarget(actual, op, target)
  const reason = explainUndefinedCompletionRatio(actual, target, direction)
  const completionRatio = reason === null ? computeCompletionRatio(actual, target, direction) : null
  const decimals = Math.min(MAX_DISPLAY_DECIMALS, Math.max(countDecimals(actual), countDecimals(target)))
  const distance = Math.abs(actual - target)
  const gapDecimals = isMet ? decimals : placesToShow(distance, decimals)
  const gap = isMet ? 0 : roundToDecimals(distance, gapDecimals)
  const exceededBy = isMet ? roundToDecimals(Math.max(0, excessOver(actual, op, target)), decimals) : 0
  return {
    isMet,
    completionRatio,
    completionRatioUndefinedReason: reason,
    gap,
    exceededBy,
    gapText: describeGap(input, isMet, gap, gapDecimals, exceededBy, decimals),
  }
}

// How far past the bound, in the operator's direction; negative when a value meets it only within the tolerance.
function excessOver(actual: number, op: ComparisonOperator, target: number): number {
  if (op === '>=' || op === '>') return actual - target
  if (op === '<=' || op === '<') return target - actual
  return 0
}

const GAP_DECIMALS_MAX = 10

// A shortfall smaller than the inputs' precision (a computed 2.99999 against "≥ 3") must not read "差 0":
// show as many more places as it takes.
function placesToShow(distance: number, decimals: number): number {
  let places = decimals
  while (places < GAP_DECIMALS_MAX && distance !== 0 && roundToDecimals(distance, places) === 0) places++
  return places
}

// Formats only the parts a branch uses: status builds this text for every cell.
function describeGap(
  { actual, op, target, unit }: TargetComparisonInput,
  isMet: boolean,
  gap: number,
  gapDecimals: number,
  exceededBy: number,
  decimals: number,
): string {
  if (isMet) {
    if (exceededBy === 0) return '已达标'
    const passed = formatDifference(exceededBy, unit, decimals)
    return op === '>=' || op === '>' ? `已达标，超出 ${passed}` : `已达标，低于目标 ${passed}`
  }
  switch (op) {
    case '>=':
      return `差 ${formatDifference(gap, unit, gapDecimals)}`
    case '<=':
      return `需再降低 ${formatDifference(gap, unit, gapDecimals)}`
    case '>':
    case '<': {
      const bound = `${op === '>' ? '需超过' : '需低于'} ${formatQuantity(target, unit, decimals)}`
      if (gap === 0) return bound
      const still = op === '>' ? '还差' : '还需降低'
      return `${bound}（${still} ${formatDifference(gap, unit, gapDecimals)}）`
    }
    case '=':
      return actual < target
        ? `差 ${formatDifference(gap, unit, gapDecimals)}`
        : `超出 ${formatDifference(gap, unit, gapDecimals)}，目标为 ${formatQuantity(target, unit, decimals)}`
  }
}
