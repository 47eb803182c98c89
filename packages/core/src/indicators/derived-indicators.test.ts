import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collectDerivedFormulas,
  evaluateDerivedFormula,
  evaluateDerivedIndicators,
  formatFormulaCycle,
  listAffectedDerivedIndicators,
  listFormulaInputs,
  orderDerivedIndicators,
  type ValueLookup,
} from './derived-indicators'
import { type DerivedFormula } from './indicators.schemas'

const UNIT = 'daye'

/** A lookup over "code@year" → value for one org unit. */
function table(entries: Record<string, number>): ValueLookup {
  return (code, orgUnitId, year) => (orgUnitId === UNIT ? entries[`${code}@${year}`] : undefined)
}

const ratio = (numerator: string, denominator: string, factor = 100): DerivedFormula => ({
  kind: 'ratio',
  numerator,
  denominator,
  factor,
})

describe('derived formulas', () => {
  it('computes a ratio with its factor (研发经费 ÷ GDP × 100 = 2.5%)', () => {
    const lookup = table({ 'RD@2022': 12.5, 'GDP@2022': 500 })
    expect(evaluateDerivedFormula(ratio('RD', 'GDP'), lookup, UNIT, 2022)).toEqual({
      value: 2.5,
      gap: null,
      missing: null,
    })
  })

  it('computes a per-10k-population figure (486 件 ÷ 1 000 000 人 × 10 000 = 4.86 件/万人)', () => {
    const formula: DerivedFormula = { kind: 'per_10k_population', value: 'PATENTS', population: 'POP' }
    const lookup = table({ 'PATENTS@2021': 486, 'POP@2021': 1_000_000 })
    expect(evaluateDerivedFormula(formula, lookup, UNIT, 2021).value).toBeCloseTo(4.86, 10)
  })

  it('computes a growth rate in percent from the year before (197 → 243 家: +23.35%)', () => {
    // (243 / 197 − 1) × 100 = 23.350…; the 2022 report rounds it to 23.4%.
    const lookup = table({ 'HNTE@2021': 197, 'HNTE@2022': 243 })
    const result = evaluateDerivedFormula({ kind: 'growth_rate', of: 'HNTE' }, lookup, UNIT, 2022)
    expect(result.value).toBeCloseTo(23.3503, 4)
  })

  it('computes a CAGR in percent over n years ((121/100)^(1/2) − 1 = 10%)', () => {
    const lookup = table({ 'X@2020': 100, 'X@2022': 121 })
    expect(evaluateDerivedFormula({ kind: 'cagr', of: 'X', years: 2 }, lookup, UNIT, 2022).value).toBeCloseTo(
      10,
      10,
    )
  })

  it('names the missing input and its year', () => {
    const lookup = table({ 'HNTE@2022': 243 })
    expect(evaluateDerivedFormula({ kind: 'growth_rate', of: 'HNTE' }, lookup, UNIT, 2022)).toEqual({
      value: null,
      gap: 'missing_input',
      missing: { code: 'HNTE', year: 2021 },
    })
  })

  it('refuses to divide by zero', () => {
    const lookup = table({ 'RD@2022': 1, 'GDP@2022': 0 })
    expect(evaluateDerivedFormula(ratio('RD', 'GDP'), lookup, UNIT, 2022).gap).toBe('zero_denominator')
  })

  it('has no growth rate from a zero or negative base', () => {
    const fromZero = table({ 'X@2021': 0, 'X@2022': 5 })
    const fromNegative = table({ 'X@2021': -2.1, 'X@2022': 3 })
    expect(evaluateDerivedFormula({ kind: 'growth_rate', of: 'X' }, fromZero, UNIT, 2022).gap).toBe(
      'non_positive_base',
    )
    expect(evaluateDerivedFormula({ kind: 'growth_rate', of: 'X' }, fromNegative, UNIT, 2022).gap).toBe(
      'non_positive_base',
    )
  })

  it('lists the inputs a formula reads', () => {
    expect(listFormulaInputs(ratio('A', 'B'))).toEqual(['A', 'B'])
    expect(listFormulaInputs({ kind: 'cagr', of: 'C', years: 5 })).toEqual(['C'])
  })
})

describe('formula dependencies', () => {
  it('orders derived indicators after the derived indicators they read', () => {
    const formulas = new Map<string, DerivedFormula>([
      ['GROWTH', { kind: 'growth_rate', of: 'SHARE' }],
      ['SHARE', ratio('RD', 'GDP')],
    ])
    expect(orderDerivedIndicators(formulas)).toEqual({ ok: true, order: ['SHARE', 'GROWTH'] })
  })

  it('refuses a cycle with a message naming it: 派生指标公式存在循环引用：A → B → A', () => {
    const formulas = new Map<string, DerivedFormula>([
      ['A', ratio('B', 'POP')],
      ['B', { kind: 'growth_rate', of: 'A' }],
    ])
    expect(orderDerivedIndicators(formulas)).toEqual({
      ok: false,
      cycle: ['A', 'B', 'A'],
      message: '派生指标公式存在循环引用：A → B → A',
    })
  })

  it('refuses a formula that reads itself', () => {
    const result = orderDerivedIndicators(new Map([['A', ratio('A', 'POP')]]))
    expect(result).toMatchObject({ ok: false, message: '派生指标公式存在循环引用：A → A' })
  })

  it('names only the cycle, not the path that led into it', () => {
    const formulas = new Map<string, DerivedFormula>([
      ['X', ratio('A', 'POP')],
      ['A', ratio('B', 'POP')],
      ['B', ratio('C', 'POP')],
      ['C', ratio('A', 'POP')],
    ])
    expect(orderDerivedIndicators(formulas)).toMatchObject({ ok: false, cycle: ['A', 'B', 'C', 'A'] })
    expect(formatFormulaCycle(['A', 'B', 'C', 'A'])).toBe('派生指标公式存在循环引用：A → B → C → A')
  })

  it('lists what to recompute when an input changes, inputs first', () => {
    const formulas = new Map<string, DerivedFormula>([
      ['GROWTH', { kind: 'growth_rate', of: 'SHARE' }],
      ['SHARE', ratio('RD', 'GDP')],
      ['DENSITY', { kind: 'per_10k_population', value: 'PATENTS', population: 'POP' }],
    ])
    expect(listAffectedDerivedIndicators(formulas, 'GDP')).toEqual(['SHARE', 'GROWTH'])
    expect(listAffectedDerivedIndicators(formulas, 'POP')).toEqual(['DENSITY'])
    expect(listAffectedDerivedIndicators(formulas, 'ELSE')).toEqual([])
  })

  it('collects the formulas of a plan’s derived indicators only', () => {
    const formulas = collectDerivedFormulas([
      { code: 'DY-02', formula: ratio('EXP', 'BUDGET') },
      { code: 'DY-01', formula: null },
    ])
    expect([...formulas.keys()]).toEqual(['DY-02'])
  })

  const codes = ['A', 'B', 'C', 'D', 'E', 'F']
  const edges = fc.array(fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...codes)), { maxLength: 12 })
  const formulasOf = (pairs: [string, string][]) => {
    const reads = new Map<string, string[]>()
    for (const [from, to] of pairs) reads.set(from, [...(reads.get(from) ?? []), to])
    // Each derived code reads its inputs through a chain of ratios; inputs not derived are leaves.
    return new Map<string, DerivedFormula>(
      [...reads].map(([code, inputs]) => [code, ratio(inputs[0]!, inputs[1] ?? 'POP')]),
    )
  }

  it('either orders every derived indicator after its inputs or names a real cycle (property)', () => {
    fc.assert(
      fc.property(edges, (pairs) => {
        const formulas = formulasOf(pairs)
        const result = orderDerivedIndicators(formulas)
        if (result.ok) {
          expect(result.order.toSorted()).toEqual([...formulas.keys()].toSorted())
          result.order.forEach((code, position) => {
            for (const input of listFormulaInputs(formulas.get(code)!)) {
              if (formulas.has(input)) expect(result.order.indexOf(input)).toBeLessThan(position)
            }
          })
        } else {
          expect(result.cycle[0]).toBe(result.cycle.at(-1))
          for (let i = 0; i + 1 < result.cycle.length; i++) {
            expect(listFormulaInputs(formulas.get(result.cycle[i]!)!)).toContain(result.cycle[i + 1])
          }
        }
      }),
    )
  })
})

describe('evaluating all derived indicators', () => {
  it('computes derived indicators that read other derived ones, in earlier years too', () => {
    const formulas = new Map<string, DerivedFormula>([
      ['GROWTH', { kind: 'growth_rate', of: 'SHARE' }],
      ['SHARE', ratio('RD', 'GDP')],
    ])
    // SHARE: 2021 10/500 × 100 = 2%, 2022 12.5/500 × 100 = 2.5%; GROWTH 2022: (2.5/2 − 1) × 100 = 25%.
    const stored = table({
      'RD@2021': 10,
      'GDP@2021': 500,
      'RD@2022': 12.5,
      'GDP@2022': 500,
      'SHARE@2022': 99,
    })
    const result = evaluateDerivedIndicators({ formulas, lookup: stored, orgUnitIds: [UNIT], years: [2022] })
    if (!result.ok) throw new Error(result.message)
    expect(result.values.map(({ code, result: r }) => [code, r.value])).toEqual([
      ['SHARE', 2.5],
      ['GROWTH', 25],
    ])
    // A value stored under a derived code is never used: derived indicators are computed, not entered.
    expect(result.lookup('SHARE', UNIT, 2021)).toBe(2)
    expect(result.lookup('RD', UNIT, 2022)).toBe(12.5)
  })

  it('refuses to evaluate formulas with a cycle', () => {
    const formulas = new Map<string, DerivedFormula>([['A', ratio('A', 'B')]])
    const result = evaluateDerivedIndicators({
      formulas,
      lookup: table({}),
      orgUnitIds: [UNIT],
      years: [2022],
    })
    expect(result).toMatchObject({ ok: false, message: '派生指标公式存在循环引用：A → A' })
  })
})
