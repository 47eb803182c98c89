/**
 * The result object of spec §0.5 and the three-valued logic of §0.4 that combines condition statuses.
 * Every verdict carries its trace: each condition with inputs, formula, value, threshold, status and gap.
 */
export type ConditionStatus = 'pass' | 'fail' | 'needs-judgement' | 'insufficient-data'
export type GapUnit = '万元' | '人' | '天' | '分' | '项'
export interface Bilingual {
  zh: string
  en: string
}
export interface Band {
  min: number
  max: number
}

export interface ConditionGap {
  amount: number
  unit: GapUnit
  text: string
}

export interface ConditionTrace {
  id: string
  basis: string
  status: ConditionStatus
  inputs: Record<string, number | string | boolean | null>
  formula?: string
  value?: string
  threshold?: string
  gap?: ConditionGap
  missingFields?: string[]
  interpretations?: string[]
  explanation: Bilingual
}

export interface IndicatorTrace {
  id: string
  label: string
  band: Band
  tier?: string
  value?: string
  judgement: boolean
  /** Extension of §0.5: the smallest change that reaches the next tier (§2.8 "gap to next tier"). */
  gap?: ConditionGap
  explanation: Bilingual
}

export type RuleSetId = 'tsme-2022' | 'hnte-2016'
export type Qualified = true | false | 'needs-review'
export type RouteId =
  'hnte-certificate' | 'national-sci-tech-award' | 'provincial-rd-institution' | 'led-standard'
export type RouteStatus = 'met' | 'unmet' | 'unknown'

export interface RouteTrace {
  id: RouteId
  status: RouteStatus
  explanation: Bilingual
}

export interface Verdict {
  ruleSet: RuleSetId
  qualified: Qualified
  route: null | 'score' | RouteId
  score?: number
  scoreBand: Band
  failedConditions: string[]
  reviewConditions: string[]
  conditions: ConditionTrace[]
  indicators: IndicatorTrace[]
  routes?: RouteTrace[]
  interpretations: string[]
  summary: Bilingual
}

/**
 * An explanation filled in when it is first read. A screening of 100 000 enterprises reads almost none of its
 * explanations, and filling every template was half of its time, so the evaluators hand the template here. Reading
 * `zh` / `en` and `JSON.stringify` (API responses, storage) see the plain `{ zh, en }` of §0.5. The texts are
 * getters, so a copy made without reading them (object spread, `structuredClone`, `postMessage`) has no texts: copy
 * a verdict through JSON. The template runs at most once.
 */
export class LazyText implements Bilingual {
  #build: (() => Bilingual) | null
  #text: Bilingual | null = null

  constructor(build: () => Bilingual) {
    this.#build = build
  }

  #filled(): Bilingual {
    if (this.#text === null) {
      this.#text = this.#build!()
      this.#build = null
    }
    return this.#text
  }

  get zh(): string {
    return this.#filled().zh
  }

  get en(): string {
    return this.#filled().en
  }

  toJSON(): Bilingual {
    return { zh: this.zh, en: this.en }
  }
}

/** `{ zh, en }` built from `build` when first read (see `LazyText`). */
export function lazyBilingual(build: () => Bilingual): Bilingual {
  return new LazyText(build)
}

/** Kleene truth value: `unknown` stands for needs-judgement and insufficient-data alike (§0.4). */
export type Truth = 'pass' | 'fail' | 'unknown'

export function truthOf(status: ConditionStatus): Truth {
  return status === 'pass' || status === 'fail' ? status : 'unknown'
}

/** AND: fail if any fails, else unknown if any is unknown, else pass — a definite failure wins. */
export function allOf(values: readonly Truth[]): Truth {
  if (values.includes('fail')) return 'fail'
  return values.includes('unknown') ? 'unknown' : 'pass'
}

/** OR: pass if any passes, else unknown if any is unknown, else fail. */
export function anyOf(values: readonly Truth[]): Truth {
  if (values.includes('pass')) return 'pass'
  return values.includes('unknown') ? 'unknown' : 'fail'
}

export function qualifiedOf(truth: Truth): Qualified {
  return truth === 'pass' ? true : truth === 'fail' ? false : 'needs-review'
}

export function isReviewStatus(status: ConditionStatus): boolean {
  return status === 'needs-judgement' || status === 'insufficient-data'
}

/** Sorted, duplicate-free id list (§0.5). */
export function sortedIds(ids: Iterable<string>): string[] {
  const sorted: string[] = []
  for (const id of ids) insertSorted(sorted, id)
  return sorted
}

/**
 * Adds an id to a sorted, duplicate-free list in place (the order of `Array#sort`: UTF-16 code units). Lists are a
 * handful of ids per verdict, where this beats a Set and a sort, which allocate.
 */
function insertSorted(sorted: string[], id: string): void {
  let index = sorted.length
  while (index > 0 && sorted[index - 1]! > id) index--
  if (index > 0 && sorted[index - 1] === id) return
  sorted.push(id)
  for (let i = sorted.length - 1; i > index; i--) sorted[i] = sorted[i - 1]!
  sorted[index] = id
}

/** Sorted, duplicate-free union of several id lists (absent lists are skipped). */
export function sortedUnion(lists: readonly (readonly string[] | undefined)[]): string[] {
  const sorted: string[] = []
  for (const list of lists) if (list !== undefined) for (const id of list) insertSorted(sorted, id)
  return sorted
}

// Band texts ("7–8", "0") for the 0–100 point range, built once: verdicts print dozens of them.
const MAX_POINTS = 100
const BAND_TEXTS = Array.from({ length: MAX_POINTS + 1 }, (_, min) =>
  Array.from({ length: MAX_POINTS + 1 }, (_, max) => (min === max ? `${min}` : `${min}–${max}`)),
)

/** "7–8", or "8" when the band is one point. */
export function bandText(band: Band): string {
  return (
    BAND_TEXTS[band.min]?.[band.max] ?? (band.min === band.max ? `${band.min}` : `${band.min}–${band.max}`)
  )
}

/** One condition's inputs: a single named figure. */
export function singleInput(
  field: string,
  value: number | string | boolean | null,
): ConditionTrace['inputs'] {
  const inputs: ConditionTrace['inputs'] = {}
  inputs[field] = value
  return inputs
}

/** A score band from item bands: sums of the ends. */
export function addBands(bands: readonly Band[]): Band {
  const sum = { min: 0, max: 0 }
  for (const band of bands) {
    sum.min += band.min
    sum.max += band.max
  }
  return sum
}

/**
 * Status of a "score ≥ pass mark" condition from a band: pass when even the minimum reaches it, fail when even the
 * maximum does not, otherwise open — 数据不足 when missing figures widen the band, else 需专家判断.
 */
export function statusOfBand(
  band: Band,
  passMark: number,
  missingFields: readonly string[],
): ConditionStatus {
  if (band.min >= passMark) return 'pass'
  if (band.max < passMark) return 'fail'
  return missingFields.length > 0 ? 'insufficient-data' : 'needs-judgement'
}

/** What a condition knows before it is decided: its id, basis, the figures used and the threshold. */
export interface ConditionBase {
  id: string
  basis: string
  inputs: ConditionTrace['inputs']
  formula?: string
  value?: string
  threshold?: string
  interpretations?: string[]
}

/** How a condition was decided. */
export interface ConditionOutcome {
  status: ConditionStatus
  explanation: Bilingual
  value?: string
  gap?: ConditionGap
  missingFields?: string[]
  interpretations?: string[]
}

/**
 * A condition trace with one fixed property order, built without object spread: screening evaluates millions of
 * conditions, and same-shaped objects keep that fast (bench/qualification-screening.bench.ts).
 */
export function conditionTrace(base: ConditionBase, outcome: ConditionOutcome): ConditionTrace {
  return {
    id: base.id,
    basis: base.basis,
    status: outcome.status,
    inputs: base.inputs,
    formula: base.formula,
    value: outcome.value ?? base.value,
    threshold: base.threshold,
    gap: outcome.gap,
    missingFields: outcome.missingFields,
    interpretations: outcome.interpretations ?? base.interpretations,
    explanation: outcome.explanation,
  }
}
