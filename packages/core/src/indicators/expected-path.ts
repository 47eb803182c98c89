import { type PathModel } from './indicators.schemas'

/** A value in a year: the baseline, a printed target, or a point on the expected path. */
export interface PathPoint {
  year: number
  value: number
}

/** The path a plan expects: the baseline first, then each numeric target after it, in year order. */
export interface ExpectedPath {
  model: PathModel
  points: readonly PathPoint[]
}

export const PATH_FALLBACK_REASONS = ['non_positive_value'] as const
export type PathFallbackReason = (typeof PATH_FALLBACK_REASONS)[number]
export const PATH_FALLBACK_LABELS: Record<PathFallbackReason, string> = {
  non_positive_value: '基期值或目标值不为正数，无法按固定增速计算，已改按线性路径',
}

export interface ExpectedValue {
  year: number
  value: number
  /** The model used for this year: the plan's, or linear where constant growth is undefined. */
  appliedModel: PathModel
  fallbackReason: PathFallbackReason | null
  /** The printed points around the year (the last two once the final target year has passed). */
  from: PathPoint
  to: PathPoint
}

/**
 * The plan's expected path from the baseline through every printed target, so the expectation in a target year
 * is that year's target (Daye prints 2022, 2023 and 2024; Huangshi only 2025). Targets printed without a number
 * ("-") and those not after the baseline year are left out. Null without a baseline value or without a numeric
 * target after it: status then compares with the year's target only (LEARN-FROM M1 "Zero baselines").
 */
export function buildExpectedPath(
  baseline: { year: number; value: number | null } | null,
  targets: readonly { year: number; value: number | null }[],
  model: PathModel,
): ExpectedPath | null {
  if (baseline === null || baseline.value === null) return null
  const after: PathPoint[] = []
  for (const { year, value } of targets) {
    const isNew = value !== null && year > baseline.year && !after.some((p) => p.year === year)
    if (isNew) after.push({ year, value })
  }
  if (after.length === 0) return null
  after.sort((a, b) => a.year - b.year)
  return { model, points: [{ year: baseline.year, value: baseline.value }, ...after] }
}

/**
 * The expected value in `year`, between the two printed points around it:
 * - linear: E_t = a + (c − a)(t − t_a)/(t_c − t_a) (LEARN-FROM M1, "Zero baselines");
 * - constant growth: E_t = a·(c/a)^((t − t_a)/(t_c − t_a)), the same yearly rate throughout the segment; only
 *   defined when both ends are positive, otherwise that segment is linear and the result says so.
 * Printed points are returned exactly (no 248.00000000000003). After the final target year the final target
 * stays the expectation; before the baseline year nothing is expected (null).
 */
export function expectedValueAt(path: ExpectedPath, year: number): ExpectedValue | null {
  const { points } = path
  const first = points[0]
  if (first === undefined || year < first.year) return null
  for (let i = 1; i < points.length; i++) {
    const to = points[i]!
    const isLast = i === points.length - 1
    if (year <= to.year || isLast) return valueInSegment(path.model, points[i - 1]!, to, year)
  }
  return null
}

function valueInSegment(model: PathModel, from: PathPoint, to: PathPoint, year: number): ExpectedValue {
  const canGrow = from.value > 0 && to.value > 0
  const appliedModel: PathModel = model === 'constant_growth' && !canGrow ? 'linear' : model
  const fallbackReason: PathFallbackReason | null = appliedModel === model ? null : 'non_positive_value'
  return { year, value: interpolate(appliedModel, from, to, year), appliedModel, fallbackReason, from, to }
}

function interpolate(model: PathModel, from: PathPoint, to: PathPoint, year: number): number {
  if (year >= to.year) return to.value
  if (year <= from.year) return from.value
  const share = (year - from.year) / (to.year - from.year)
  return model === 'constant_growth'
    ? from.value * (to.value / from.value) ** share
    : from.value + (to.value - from.value) * share
}
