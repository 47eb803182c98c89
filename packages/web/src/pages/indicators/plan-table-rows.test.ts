import type { IndicatorView } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { buildPlanTableRows, formatIndicatorValue, printedTarget, targetYears } from './plan-table-rows'

let order = 0
function indicator(code: string, category: string, targets: IndicatorView['targets'] = []): IndicatorView {
  order += 1
  return {
    id: `00000000-0000-4000-8000-0000000000${String(order).padStart(2, '0')}`,
    code,
    order,
    category,
    name: code,
    printedName: code,
    unit: '家',
    nature: 'binding',
    direction: 'higher',
    aggregation: 'last',
    baseline: null,
    targets,
    printedActual: null,
    formula: null,
    responsibleUnits: [],
    entryYears: { from: 2021, to: 2024 },
    actuals: [],
  }
}

describe('buildPlanTableRows', () => {
  it('merges each category over its indicators, first row spanning them all', () => {
    const rows = buildPlanTableRows(
      [indicator('DY-01', '创新投入'), indicator('DY-02', '创新投入'), indicator('DY-03', '创新主体')],
      2022,
    )
    expect(rows.map((row) => [row.indicator.code, row.categoryRowSpan])).toEqual([
      ['DY-01', 2],
      ['DY-02', 0],
      ['DY-03', 1],
    ])
  })
})

describe('targetYears and printedTarget', () => {
  const targets: IndicatorView['targets'] = [
    { year: 2025, op: '>', value: 8, valueText: '＞8' },
    { year: 2023, op: '>=', value: 5, valueText: '5' },
  ]
  it('lists target years in order and prints a target as the plan does', () => {
    expect(targetYears([indicator('a', 'x', targets), indicator('b', 'x')])).toEqual([2023, 2025])
    expect(printedTarget(targets, 2025)).toBe('＞8')
    expect(printedTarget(targets, 2024)).toBeUndefined()
  })
})

describe('formatIndicatorValue', () => {
  it('shows values without float noise and nothing for a missing value', () => {
    expect(formatIndicatorValue(0.1 + 0.2)).toBe('0.3')
    expect(formatIndicatorValue(243)).toBe('243')
    expect(formatIndicatorValue(null)).toBeUndefined()
  })
})
