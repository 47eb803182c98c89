import { ObservationInput, type IndicatorView, type Observation } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { draftFrom, enterableIndicators, isDraftChanged, toObservationInput } from './entry-drafts'

const UNIT = '00000000-0000-4000-8000-000000000001'

function indicator(code: string, formula: IndicatorView['formula'] = null): IndicatorView {
  return {
    id: '00000000-0000-4000-8000-000000000010',
    code,
    order: 1,
    category: '创新主体',
    name: code,
    printedName: code,
    unit: '家',
    nature: 'expected',
    direction: 'higher',
    aggregation: 'last',
    baseline: null,
    targets: [],
    printedActual: null,
    formula,
    responsibleUnits: [],
    entryYears: { from: 2021, to: 2024 },
    actuals: [],
  }
}

const current = { value: 243, source: '统计年报', note: null } as Observation

describe('enterableIndicators', () => {
  it('leaves out derived indicators and years outside baseline year … plan end', () => {
    const list = [indicator('DY-05'), indicator('DY-06', { kind: 'growth_rate', of: 'DY-05' })]
    expect(enterableIndicators(list, 2022).map((i) => i.code)).toEqual(['DY-05'])
    expect(enterableIndicators(list, 2025)).toEqual([])
  })
})

describe('isDraftChanged', () => {
  it('sends only rows that differ from the current value, never an empty cell', () => {
    expect(isDraftChanged(draftFrom(current), current)).toBe(false)
    expect(isDraftChanged({ ...draftFrom(current), value: 248 }, current)).toBe(true)
    expect(isDraftChanged({ ...draftFrom(current), note: '快报' }, current)).toBe(true)
    expect(isDraftChanged(draftFrom(undefined), undefined)).toBe(false)
  })
})

describe('toObservationInput', () => {
  it('builds a body the core schema accepts, leaving out an empty note', () => {
    const body = toObservationInput('DY-05', UNIT, 2022, { value: 248, source: '统计年报', note: ' ' })
    expect(ObservationInput.parse(body)).toEqual({
      indicatorCode: 'DY-05',
      orgUnitId: UNIT,
      year: 2022,
      value: 248,
      source: '统计年报',
    })
  })

  it('lets the core schema name a missing source', () => {
    const result = ObservationInput.safeParse(toObservationInput('DY-05', UNIT, 2022, draftFrom(undefined)))
    expect(result.success).toBe(false)
  })
})
