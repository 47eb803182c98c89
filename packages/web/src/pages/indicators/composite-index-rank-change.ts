import type { CompositeIndexResponse, CompositeUnitResult } from '@kechuang/core/indicators'
import { SCORE_DECIMALS } from './composite-index-chart-options'

/** How a unit moved since the previous year, and which indicators moved it ("why did our rank change"). */
export interface RankChange {
  previousYear: number
  /** Places gained (positive) or lost (negative); null when the unit was not ranked in one of the years. */
  rankChange: number | null
  scoreChange: number | null
  /**
   * Per indicator, this year's contribution minus last year's (w·normalised over the unit's weight sum). With the
   * weighted mean they add up to scoreChange; null where either year has no value. Largest change first.
   */
  contributionChanges: { code: string; change: number | null }[]
}

/**
 * Compares each unit of `current` with the same unit in `previous` (the same recipe one year earlier). Scores
 * compare across years because every normalisation takes its parameters over the whole window of years.
 * Contribution changes explain the score only for the weighted mean: a TOPSIS closeness is not their sum, so
 * they are left empty there.
 */
export function compareWithPreviousYear(
  current: Pick<CompositeIndexResponse, 'units' | 'recipe'>,
  previous: Pick<CompositeIndexResponse, 'units' | 'year'>,
): Map<string, RankChange> {
  const before = new Map(previous.units.map((unit) => [unit.orgUnitId, unit]))
  const isAdditive = current.recipe.aggregation === 'weighted_mean'
  return new Map(
    current.units.map((unit) => [
      unit.orgUnitId,
      describeChange(unit, before.get(unit.orgUnitId), previous.year, isAdditive),
    ]),
  )
}

function describeChange(
  unit: CompositeUnitResult,
  previous: CompositeUnitResult | undefined,
  previousYear: number,
  isAdditive: boolean,
): RankChange {
  const difference = (now: number | null | undefined, then: number | null | undefined) =>
    now === null || now === undefined || then === null || then === undefined ? null : now - then
  const contributionChanges = isAdditive
    ? unit.contributions
        .map((c) => ({
          code: c.code,
          change: difference(
            c.contribution,
            previous?.contributions.find((p) => p.code === c.code)?.contribution,
          ),
        }))
        .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))
    : []
  return {
    previousYear,
    // Rank 3 → 1 is two places gained.
    rankChange: difference(previous?.rank, unit.rank),
    scoreChange: difference(unit.score, previous?.score),
    contributionChanges,
  }
}

/** A score change with its sign, at the table's precision: 0.0342 → "+0.034", −0.2 → "−0.200". */
export function formatScoreChange(change: number): string {
  const text = Math.abs(change).toFixed(SCORE_DECIMALS)
  if (Number(text) === 0) return text
  return `${change > 0 ? '+' : '−'}${text}`
}
