import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LADDER_STEPS, QUALIFICATION_TYPES } from '../register-vocabulary'
import type { EnterpriseFacts } from './enterprise-figures'
import {
  classifyLadderMovement,
  countLadderMovements,
  ladderRank,
  ladderStepInYear,
  ladderStepOn,
} from './ladder'
import type { QualificationFact } from './qualification-validity'

const base: EnterpriseFacts = { foundedOn: '2010-05-01', qualifications: [], years: [], ip: [] }

function held(
  type: QualificationFact['type'],
  validFrom: string | null,
  validTo: string | null,
): QualificationFact {
  return { type, status: 'held', validFrom, validTo, year: null }
}

describe('ladderStepOn', () => {
  it('puts an enterprise with a valid 高企 certificate on the 高企 step', () => {
    const facts = { ...base, qualifications: [held('hnte', '2021-11-15', '2024-11-14')] }
    expect(ladderStepInYear(facts, 2022)).toBe('hnte')
    // The certificate ended before 31 Dec 2024.
    expect(ladderStepInYear(facts, 2024)).toBeNull()
  })

  it('takes the highest step: a 瞪羚 that is also a 高企 is on the 瞪羚/小巨人 step', () => {
    const facts = {
      ...base,
      qualifications: [held('hnte', '2021-01-01', '2025-12-31'), held('gazelle', '2022-06-01', null)],
    }
    expect(ladderStepInYear(facts, 2021)).toBe('hnte')
    expect(ladderStepInYear(facts, 2022)).toBe('gazelle_or_little_giant')
  })

  it('counts a 科技型中小企业 入库 year as that calendar year only', () => {
    const facts = { ...base, qualifications: [{ ...held('tsme', null, null), year: 2023 }] }
    expect(ladderStepInYear(facts, 2023)).toBe('tsme')
    expect(ladderStepInYear(facts, 2024)).toBeNull()
  })

  it('never counts a target (争创) qualification', () => {
    const facts = {
      ...base,
      qualifications: [{ ...held('innovation_leader', null, null), status: 'target' as const }],
    }
    expect(ladderStepInYear(facts, 2023)).toBeNull()
  })

  it('puts a 科技型中小企业 close to the 高企 thresholds on the 高企后备 step', () => {
    const facts: EnterpriseFacts = {
      ...base,
      qualifications: [{ ...held('tsme', null, null), year: 2023 }],
      years: [{ year: 2023, rdExpenseWanYuan: 35, salesRevenueWanYuan: 1000, rdStaffCount: 5 }],
      ip: [{ ipClass: 'I', legalStatus: 'granted', grantedOn: '2022-03-01' }],
    }
    expect(ladderStepInYear(facts, 2023)).toBe('hnte_reserve')
    // 2.9% is below the 3% of the rule.
    const lower = { ...facts, years: [{ ...facts.years[0]!, rdExpenseWanYuan: 29 }] }
    expect(ladderStepInYear(lower, 2023)).toBe('tsme')
  })

  it('treats an enterprise founded within 3 years as 初创, and one founded after the date as not there yet', () => {
    const facts = { ...base, foundedOn: '2021-01-01' }
    expect(ladderStepInYear(facts, 2020)).toBeNull()
    expect(ladderStepInYear(facts, 2023)).toBe('startup')
    expect(ladderStepOn(facts, '2024-01-01')).toBeNull()
  })
})

const dateArb = fc
  .record({
    y: fc.integer({ min: 2018, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const qualificationArb: fc.Arbitrary<QualificationFact> = fc.record({
  type: fc.constantFrom(...QUALIFICATION_TYPES),
  status: fc.constantFrom('held' as const, 'target' as const),
  validFrom: fc.option(dateArb, { nil: null }),
  validTo: fc.option(dateArb, { nil: null }),
  year: fc.option(fc.integer({ min: 2018, max: 2026 }), { nil: null }),
})

const factsArb: fc.Arbitrary<EnterpriseFacts> = fc.record({
  foundedOn: fc.option(dateArb, { nil: null }),
  qualifications: fc.array(qualificationArb, { maxLength: 4 }),
  years: fc.array(
    fc.record({
      year: fc.integer({ min: 2018, max: 2026 }),
      rdExpenseWanYuan: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      salesRevenueWanYuan: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      rdStaffCount: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  ip: fc.array(
    fc.record({
      ipClass: fc.constantFrom('I' as const, 'II' as const, null),
      legalStatus: fc.constantFrom('granted' as const, 'pending' as const),
      grantedOn: fc.option(dateArb, { nil: null }),
    }),
    { maxLength: 6 },
  ),
})

describe('ladder properties', () => {
  it('never moves an enterprise down when a qualification is added', () => {
    fc.assert(
      fc.property(factsArb, qualificationArb, fc.integer({ min: 2018, max: 2026 }), (facts, extra, year) => {
        const before = ladderStepInYear(facts, year)
        const after = ladderStepInYear({ ...facts, qualifications: [...facts.qualifications, extra] }, year)
        expect(ladderRank(after)).toBeGreaterThanOrEqual(ladderRank(before))
      }),
    )
  })

  it('never moves an enterprise down when a granted patent is added', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.constantFrom('I' as const, 'II' as const),
        fc.integer({ min: 2018, max: 2026 }),
        (facts, ipClass, year) => {
          const before = ladderStepInYear(facts, year)
          const after = ladderStepInYear(
            { ...facts, ip: [...facts.ip, { ipClass, legalStatus: 'granted', grantedOn: null }] },
            year,
          )
          expect(ladderRank(after)).toBeGreaterThanOrEqual(ladderRank(before))
        },
      ),
    )
  })
})

describe('movement', () => {
  it('names entering, leaving, moving up and down', () => {
    expect(classifyLadderMovement(null, 'startup')).toBe('entered')
    expect(classifyLadderMovement('tsme', null)).toBe('left')
    expect(classifyLadderMovement('tsme', 'hnte')).toBe('up')
    expect(classifyLadderMovement('hnte', 'hnte_reserve')).toBe('down')
    expect(classifyLadderMovement('hnte', 'hnte')).toBe('same')
  })

  it('counts pairs of steps and drops enterprises off the ladder in both years', () => {
    const flows = countLadderMovements([
      { from: 'tsme', to: 'hnte' },
      { from: 'tsme', to: 'hnte' },
      { from: null, to: 'startup' },
      { from: null, to: null },
    ])
    expect(flows).toEqual([
      { from: 'tsme', to: 'hnte', count: 2 },
      { from: null, to: 'startup', count: 1 },
    ])
    expect(LADDER_STEPS).toHaveLength(6)
  })
})
