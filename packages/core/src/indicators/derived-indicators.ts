import { type DerivedFormula, type IndicatorDefinition } from './indicators.schemas'

/** A stored or computed value of an indicator (by code) for an org unit in a year; undefined when there is none. */
export type ValueLookup = (code: string, orgUnitId: string, year: number) => number | undefined

/** 每万人: values per 10 000 inhabitants (DHIS2's factor for "per 10k", LEARN-FROM M1). */
export const PER_10K_FACTOR = 10_000

export const DERIVED_VALUE_GAPS = ['missing_input', 'zero_denominator', 'non_positive_base'] as const
export type DerivedValueGap = (typeof DERIVED_VALUE_GAPS)[number]
export const DERIVED_VALUE_GAP_LABELS: Record<DerivedValueGap, string> = {
  missing_input: '缺少计算所需的指标值',
  zero_denominator: '分母为零，无法计算',
  non_positive_base: '基数不为正数，无法计算增长率',
}

/** A computed value, or why there is none (the gap is an expected outcome, not an error). */
export type DerivedValue =
  | { value: number; gap: null; missing: null }
  | { value: null; gap: DerivedValueGap; missing: { code: string; year: number } | null }

const computed = (value: number): DerivedValue => ({ value, gap: null, missing: null })
const noValue = (
  gap: DerivedValueGap,
  missing: { code: string; year: number } | null = null,
): DerivedValue => ({
  value: null,
  gap,
  missing,
})

/** The indicator codes a formula reads. */
export function listFormulaInputs(formula: DerivedFormula): string[] {
  switch (formula.kind) {
    case 'ratio':
      return [formula.numerator, formula.denominator]
    case 'per_10k_population':
      return [formula.value, formula.population]
    case 'growth_rate':
    case 'cagr':
      return [formula.of]
  }
}

/**
 * Evaluates a formula for one org unit and year (DHIS2's value model: derived indicators are computed, never
 * entered; LEARN-FROM M1):
 * - ratio: numerator / denominator × factor (100 for a percentage);
 * - per_10k_population: value / population × 10 000;
 * - growth_rate: (x_t / x_{t−1} − 1) × 100, in percent;
 * - cagr: ((x_t / x_{t−n})^(1/n) − 1) × 100, in percent (Open SDG's CAGR).
 * A zero denominator or population gives `zero_denominator` (a negative population too). Growth needs a
 * positive base: from zero it is infinite and from a negative base its sign means nothing, so both give
 * `non_positive_base`; so does a negative end value for CAGR, whose root would be undefined.
 */
export function evaluateDerivedFormula(
  formula: DerivedFormula,
  lookup: ValueLookup,
  orgUnitId: string,
  year: number,
): DerivedValue {
  const read = (code: string, at: number) => lookup(code, orgUnitId, at)
  switch (formula.kind) {
    case 'ratio':
      return divide(formula.numerator, formula.denominator, formula.factor)
    case 'per_10k_population':
      return divide(formula.value, formula.population, PER_10K_FACTOR)
    case 'growth_rate':
      return grow(formula.of, 1)
    case 'cagr':
      return grow(formula.of, formula.years)
  }

  function divide(numeratorCode: string, denominatorCode: string, factor: number): DerivedValue {
    const numerator = read(numeratorCode, year)
    if (numerator === undefined) return noValue('missing_input', { code: numeratorCode, year })
    const denominator = read(denominatorCode, year)
    if (denominator === undefined) return noValue('missing_input', { code: denominatorCode, year })
    if (denominator === 0) return noValue('zero_denominator')
    return computed((numerator / denominator) * factor)
  }

  function grow(code: string, years: number): DerivedValue {
    const end = read(code, year)
    if (end === undefined) return noValue('missing_input', { code, year })
    const start = read(code, year - years)
    if (start === undefined) return noValue('missing_input', { code, year: year - years })
    if (start <= 0 || end < 0) return noValue('non_positive_base')
    return computed(((end / start) ** (1 / years) - 1) * 100)
  }
}

export const FORMULA_CYCLE_MESSAGE_PREFIX = '派生指标公式存在循环引用：'

/** The refusal users see: "派生指标公式存在循环引用：A → B → A" (A reads B, B reads A). */
export function formatFormulaCycle(cycle: readonly string[]): string {
  return `${FORMULA_CYCLE_MESSAGE_PREFIX}${cycle.join(' → ')}`
}

export type DerivedOrder = { ok: true; order: string[] } | { ok: false; cycle: string[]; message: string }

/** The formulas of a plan's derived indicators, by code. */
export function collectDerivedFormulas(
  indicators: readonly Pick<IndicatorDefinition, 'code' | 'formula'>[],
): Map<string, DerivedFormula> {
  const formulas = new Map<string, DerivedFormula>()
  for (const { code, formula } of indicators) if (formula !== null) formulas.set(code, formula)
  return formulas
}

/**
 * The derived indicators in an order where each comes after every derived indicator it reads (a topological
 * order, depth first), or the first cycle found, named from the indicator where it was entered back to itself.
 * Codes that have no formula are inputs and not listed. A formula reading itself is a cycle ("A → A").
 */
export function orderDerivedIndicators(formulas: ReadonlyMap<string, DerivedFormula>): DerivedOrder {
  const order: string[] = []
  const done = new Set<string>()
  const stack: string[] = []

  const visit = (code: string): string[] | null => {
    if (done.has(code) || !formulas.has(code)) return null
    const open = stack.indexOf(code)
    if (open >= 0) return [...stack.slice(open), code]
    stack.push(code)
    for (const input of listFormulaInputs(formulas.get(code)!)) {
      const cycle = visit(input)
      if (cycle) return cycle
    }
    stack.pop()
    done.add(code)
    order.push(code)
    return null
  }

  for (const code of formulas.keys()) {
    const cycle = visit(code)
    if (cycle) return { ok: false, cycle, message: formatFormulaCycle(cycle) }
  }
  return { ok: true, order }
}

/**
 * The derived indicators to recompute when `changedCode` changes: every one that reads it directly or through
 * other derived indicators, in an order where inputs come first. Assumes no cycle (check orderDerivedIndicators).
 */
export function listAffectedDerivedIndicators(
  formulas: ReadonlyMap<string, DerivedFormula>,
  changedCode: string,
): string[] {
  const ordered = orderDerivedIndicators(formulas)
  if (!ordered.ok) return []
  const affected = new Set<string>([changedCode])
  return ordered.order.filter((code) => {
    const reads = listFormulaInputs(formulas.get(code)!).some((input) => affected.has(input))
    if (reads) affected.add(code)
    return reads
  })
}

export interface DerivedObservation {
  code: string
  orgUnitId: string
  year: number
  result: DerivedValue
}

export type DerivedEvaluation =
  | { ok: true; values: DerivedObservation[]; lookup: ValueLookup }
  | { ok: false; cycle: string[]; message: string }

/**
 * Computes every derived indicator for the given org units and years, refusing formula cycles with a message
 * naming the cycle. Derived indicators may read other derived ones, also in earlier years (a growth rate of a
 * ratio): each value is computed once on demand and remembered. The returned `lookup` reads stored values and
 * computed ones alike. A stored value under a derived code is ignored: derived indicators are never entered.
 */
export function evaluateDerivedIndicators(input: {
  formulas: ReadonlyMap<string, DerivedFormula>
  lookup: ValueLookup
  orgUnitIds: readonly string[]
  years: readonly number[]
}): DerivedEvaluation {
  const { formulas, lookup: stored } = input
  const ordered = orderDerivedIndicators(formulas)
  if (!ordered.ok) return ordered

  const memo = new Map<string, DerivedValue>()
  const derivedValue = (code: string, orgUnitId: string, year: number): DerivedValue => {
    const key = `${code}\u0000${orgUnitId}\u0000${year}`
    let result = memo.get(key)
    if (result === undefined) {
      result = evaluateDerivedFormula(formulas.get(code)!, lookup, orgUnitId, year)
      memo.set(key, result)
    }
    return result
  }
  const lookup: ValueLookup = (code, orgUnitId, year) =>
    formulas.has(code)
      ? (derivedValue(code, orgUnitId, year).value ?? undefined)
      : stored(code, orgUnitId, year)

  const values: DerivedObservation[] = []
  for (const code of ordered.order) {
    for (const orgUnitId of input.orgUnitIds) {
      for (const year of input.years) {
        values.push({ code, orgUnitId, year, result: derivedValue(code, orgUnitId, year) })
      }
    }
  }
  return { ok: true, values, lookup }
}
