import type { EnterpriseYearRow } from '@kechuang/core/registers'
import { describe, expect, it } from 'vitest'
import { buildYearTable, describeSource, formatFigure } from './enterprise-profile-tables'

const doc = { kind: 'document' as const, doc: '高企名单.xlsx', ref: '第 2 行' }
const empty = {
  employeeCount: null,
  techStaffCount: null,
  rdStaffCount: null,
  salesRevenueWanYuan: null,
  operatingRevenueWanYuan: null,
  totalIncomeWanYuan: null,
  costExpenseTotalWanYuan: null,
  rdExpenseWanYuan: null,
  rdExpenseDomesticWanYuan: null,
  totalAssetsWanYuan: null,
  netAssetsWanYuan: null,
  hiTechRevenueWanYuan: null,
  profitWanYuan: null,
  taxWanYuan: null,
}
const row = (memberId: string, year: number, figures: Partial<EnterpriseYearRow>): EnterpriseYearRow => ({
  memberId,
  year,
  source: doc,
  ...empty,
  ...figures,
})

describe('buildYearTable', () => {
  it('lays every yearly field out by year, preferring the canonical row and filling gaps from others', () => {
    const table = buildYearTable(
      [
        row('b', 2024, { rdExpenseWanYuan: 10, employeeCount: 50 }),
        row('a', 2024, { rdExpenseWanYuan: 12 }),
        row('b', 2023, { rdExpenseWanYuan: 8 }),
      ],
      'a',
    )
    expect(table.years).toEqual([2023, 2024])
    expect(table.rows).toHaveLength(14)
    const rd = table.rows.find((r) => r.field === 'rdExpenseWanYuan')!
    expect(rd.values).toEqual({ 2023: 8, 2024: 12 })
    expect(table.rows.find((r) => r.field === 'employeeCount')!.values).toEqual({ 2023: null, 2024: 50 })
    expect(table.sources[2024]!.map((s) => s.memberId)).toEqual(['a', 'b'])
    expect(rd.label).toBe('研发费用总额（万元）')
  })

  it('has no years for an enterprise without figures', () => {
    expect(buildYearTable([], 'a').years).toEqual([])
  })
})

describe('describeSource', () => {
  it('names the kind, the document, the place and the sentence', () => {
    expect(describeSource({ ...doc, text: '年产 200 万吨' })).toBe(
      '文件：高企名单.xlsx · 第 2 行 · “年产 200 万吨”',
    )
    expect(describeSource({ kind: 'synthetic' })).toBe('合成数据')
  })
})

describe('formatFigure', () => {
  it('groups thousands and shows a dash for no value', () => {
    expect(formatFigure(4200.5)).toBe('4,200.5')
    expect(formatFigure(null)).toBe('—')
  })
})
