import { isSameValue } from './compare-to-target'
import { type CompositeIndexRecipe, type CompositeIndicator } from './composite-index.schemas'
import { normaliseMinMax, normaliseValues, type NormalisationParameters } from './composite-normalisation'
import {
  computeAhpWeights,
  computeEntropyWeights,
  computeEqualWeights,
  rescaleWeights,
  type AhpWeights,
  type EntropyWeights,
} from './composite-weights'
import { type IndicatorValueCube } from './indicator-value-cube'
import { computeTopsisCloseness } from './topsis'

export interface CompositeIndexInput {
  recipe: CompositeIndexRecipe
  /** Every year of the cube is the normalisation window (EIS: min and max over all units and all years). */
  cube: IndicatorValueCube
  /** The year scored and ranked; one of the cube's years. */
  year: number
}

export interface IndicatorWeight {
  code: string
  category: string
  weight: number
}

export interface IndicatorContribution {
  code: string
  /** The raw value in the scored year, null where missing. */
  value: number | null
  normalised: number | null
  weight: number
  /** w_i × normalised_i ÷ (sum of the weights of the indicators the unit has; 1 when none is missing). */
  contribution: number | null
}

export interface CompositeUnitScore {
  orgUnitId: string
  /** Weighted mean of the normalised values, or the TOPSIS closeness; null when the unit has no value. */
  score: number | null
  /** 1 = best; equal scores share a rank (1, 2, 2, 4); null without a score. */
  rank: number | null
  categoryScores: { category: string; score: number | null }[]
  contributions: IndicatorContribution[]
}

export interface CompositeIndexResult {
  year: number
  recipe: CompositeIndexRecipe
  weights: IndicatorWeight[]
  /** Eigenvector weights and consistency (CR ≥ 0.1 is reported as inconsistent) when weighted by AHP. */
  ahp: AhpWeights | null
  entropy: EntropyWeights | null
  normalisation: { code: string; parameters: NormalisationParameters }[]
  /** In the cube's org-unit order. */
  units: CompositeUnitScore[]
}

/**
 * The composite index (综合指数) of org units for one year, with its recipe and every intermediate figure
 * beside it (LEARN-FROM M1: publish inputs, method and weights with every ranking):
 * 1. each indicator is normalised over the whole window (all units × all years of the cube), direction-aware;
 * 2. weights come from the recipe: equal, manual (rescaled to sum 1), AHP, or entropy — entropy is computed from
 *    the scored year's values min–max normalised across units (the 熵权法 procedure normalises on its own, and
 *    needs non-negative data whatever the chosen normalisation);
 * 3. per unit: the weighted mean of its normalised values per category (一级指标) and overall, over the
 *    indicators it has (weights of missing ones are left out, not counted as 0); with TOPSIS the score is the
 *    closeness to the ideal instead, the category means still shown;
 * 4. ranks by score, best first.
 */
export function computeCompositeIndex({ recipe, cube, year }: CompositeIndexInput): CompositeIndexResult {
  const yearPosition = cube.years.indexOf(year)
  if (yearPosition < 0) throw new RangeError(`year ${year} is not in the cube`)
  const columns = recipe.indicators.map((indicator) => readYearColumns(recipe, cube, indicator, yearPosition))
  const { weights, ahp, entropy } = resolveWeights(recipe, columns)
  const categories = [...new Set(recipe.indicators.map((i) => i.category))]
  const scoring: Scoring = {
    codes: recipe.indicators.map((i) => i.code),
    columns,
    weights,
    categories,
    categoryOf: recipe.indicators.map((i) => categories.indexOf(i.category)),
  }
  const units = cube.orgUnitIds.map((orgUnitId, u) => scoreUnit(orgUnitId, u, scoring))

  if (recipe.aggregation === 'topsis') {
    const rows = cube.orgUnitIds.map((_, u) => columns.map(({ normalised }) => normalised[u]!))
    computeTopsisCloseness(rows, weights).closeness.forEach((closeness, u) => {
      units[u]!.score = closeness
    })
  }
  rankByScore(units.map((unit) => unit.score)).forEach((rank, u) => {
    units[u]!.rank = rank
  })

  return {
    year,
    recipe,
    weights: recipe.indicators.map(({ code, category }, k) => ({ code, category, weight: weights[k]! })),
    ahp,
    entropy,
    normalisation: columns.map(({ parameters }, k) => ({ code: recipe.indicators[k]!.code, parameters })),
    units,
  }
}

interface Scoring {
  codes: readonly string[]
  columns: readonly YearColumns[]
  weights: readonly number[]
  categories: readonly string[]
  /** Position in `categories` of each indicator. */
  categoryOf: readonly number[]
}

// Weighted means per category and overall over the indicators the unit has, and each one's contribution.
function scoreUnit(orgUnitId: string, u: number, scoring: Scoring): CompositeUnitScore {
  const { codes, columns, weights, categories, categoryOf } = scoring
  const categoryWeight = new Float64Array(categories.length)
  const categorySum = new Float64Array(categories.length)
  let weightSum = 0
  let sum = 0
  columns.forEach(({ normalised }, k) => {
    const n = normalised[u]!
    if (Number.isNaN(n)) return
    const w = weights[k]!
    weightSum += w
    sum += w * n
    categoryWeight[categoryOf[k]!]! += w
    categorySum[categoryOf[k]!]! += w * n
  })
  return {
    orgUnitId,
    score: weightSum > 0 ? sum / weightSum : null,
    rank: null,
    categoryScores: categories.map((category, c) => ({
      category,
      score: categoryWeight[c]! > 0 ? categorySum[c]! / categoryWeight[c]! : null,
    })),
    contributions: columns.map(({ raw, normalised }, k) => {
      const n = normalised[u]!
      const isMissing = Number.isNaN(n)
      return {
        code: codes[k]!,
        value: Number.isNaN(raw[u]!) ? null : raw[u]!,
        normalised: isMissing ? null : n,
        weight: weights[k]!,
        contribution: isMissing || weightSum === 0 ? null : (weights[k]! * n) / weightSum,
      }
    }),
  }
}

interface YearColumns {
  /** Raw values of the scored year, per org unit. */
  raw: Float64Array
  /** Normalised values of the scored year, per org unit. */
  normalised: Float64Array
  parameters: NormalisationParameters
  direction: CompositeIndicator['direction']
  sqrtTransform: boolean
}

function readYearColumns(
  recipe: CompositeIndexRecipe,
  cube: IndicatorValueCube,
  indicator: CompositeIndicator,
  yearPosition: number,
): YearColumns {
  const unitCount = cube.orgUnitIds.length
  const yearCount = cube.years.length
  const block = unitCount * yearCount
  const position = cube.indicatorCodes.indexOf(indicator.code)
  // An indicator without data in the cube is missing for every unit, not an error.
  const window =
    position < 0
      ? new Float64Array(block).fill(NaN)
      : cube.values.subarray(position * block, (position + 1) * block)
  const sqrtTransform = indicator.sqrtTransform ?? false
  const { values, parameters } = normaliseValues(window, {
    ...recipe.normalisation,
    direction: indicator.direction,
    sqrtTransform,
    target: indicator.target ?? null,
  })
  const raw = new Float64Array(unitCount)
  const normalised = new Float64Array(unitCount)
  for (let u = 0; u < unitCount; u++) {
    raw[u] = window[u * yearCount + yearPosition]!
    normalised[u] = values[u * yearCount + yearPosition]!
  }
  return { raw, normalised, parameters, direction: indicator.direction, sqrtTransform }
}

function resolveWeights(
  recipe: CompositeIndexRecipe,
  columns: readonly YearColumns[],
): { weights: number[]; ahp: AhpWeights | null; entropy: EntropyWeights | null } {
  const { weighting } = recipe
  switch (weighting.method) {
    case 'equal':
      return { weights: computeEqualWeights(columns.length), ahp: null, entropy: null }
    case 'manual':
      return { weights: rescaleWeights(weighting.weights), ahp: null, entropy: null }
    case 'ahp': {
      const ahp = computeAhpWeights(weighting.pairwise)
      return { weights: ahp.weights, ahp, entropy: null }
    }
    case 'entropy': {
      const entropy = computeEntropyWeights(
        columns.map(
          ({ raw, direction, sqrtTransform }) =>
            normaliseMinMax(raw, { direction, sqrtTransform, trimOutliers: false }).values,
        ),
      )
      return { weights: entropy.weights, ahp: null, entropy }
    }
  }
}

/**
 * Competition ranks, best (highest) first: equal scores (up to float noise) share a rank and the next rank
 * skips (1, 2, 2, 4), as league tables print them. Null scores get no rank.
 */
export function rankByScore(scores: readonly (number | null)[]): (number | null)[] {
  const order = scores
    .map((score, index) => ({ score, index }))
    .filter((entry): entry is { score: number; index: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score)
  const ranks: (number | null)[] = scores.map(() => null)
  order.forEach((entry, position) => {
    const previous = order[position - 1]
    ranks[entry.index] =
      previous !== undefined && isSameValue(previous.score, entry.score)
        ? ranks[previous.index]!
        : position + 1
  })
  return ranks
}
