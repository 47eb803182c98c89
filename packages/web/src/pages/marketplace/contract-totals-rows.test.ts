import type { TechContractTotals } from '@kechuang/core/marketplace'
import { describe, expect, it } from 'vitest'
import { contractTotalsChartOption, regionTotalsRows, typeTotalsRows } from './contract-totals-rows'

const CITY = '00000000-0000-4000-8000-000000000001'
const DAYE = '00000000-0000-4000-8000-000000000002'

const totals: TechContractTotals = {
  orgUnit: { id: CITY, name: '黄石市' },
  years: [2025, 2026],
  regions: [
    {
      orgUnitId: CITY,
      name: '黄石市',
      byYear: [{ year: 2026, count: 1, amountWanYuan: 10 }],
      count: 1,
      amountWanYuan: 10,
    },
    {
      orgUnitId: DAYE,
      name: '大冶市',
      byYear: [
        { year: 2025, count: 2, amountWanYuan: 30.5 },
        { year: 2026, count: 1, amountWanYuan: 5.0001 },
      ],
      count: 3,
      amountWanYuan: 35.5001,
    },
  ],
  byType: [
    {
      type: 'transfer',
      byYear: [{ year: 2025, count: 2, amountWanYuan: 30.5 }],
      count: 2,
      amountWanYuan: 30.5,
    },
    {
      type: 'development',
      byYear: [{ year: 2026, count: 2, amountWanYuan: 15.0001 }],
      count: 2,
      amountWanYuan: 15.0001,
    },
  ],
  byYear: [
    { year: 2025, count: 2, amountWanYuan: 30.5 },
    { year: 2026, count: 2, amountWanYuan: 15.0001 },
  ],
  count: 4,
  amountWanYuan: 45.5001,
}

describe('regionTotalsRows', () => {
  it('lists each region with every year, a year without contracts as 0, then the total line', () => {
    const rows = regionTotalsRows(totals)
    expect(rows.map((row) => row.name)).toEqual(['黄石市', '大冶市', '合计'])
    expect(rows[0]?.byYear[2025]).toEqual({ count: 0, amountWanYuan: 0 })
    expect(rows[1]?.byYear[2026]).toEqual({ count: 1, amountWanYuan: 5.0001 })
    expect(rows[2]).toMatchObject({ isTotal: true, count: 4, amountWanYuan: 45.5001 })
    expect(rows[2]?.byYear[2025]).toEqual({ count: 2, amountWanYuan: 30.5 })
  })
})

describe('typeTotalsRows', () => {
  it('lists every contract type in the vocabulary’s order, those without contracts as 0', () => {
    const rows = typeTotalsRows(totals)
    expect(rows.map((row) => row.name)).toEqual([
      '技术开发',
      '技术转让',
      '技术许可',
      '技术咨询',
      '技术服务',
      '合计',
    ])
    expect(rows[0]).toMatchObject({ count: 2, amountWanYuan: 15.0001 })
    expect(rows[2]).toMatchObject({ count: 0, amountWanYuan: 0 })
    expect(rows[2]?.byYear[2026]).toEqual({ count: 0, amountWanYuan: 0 })
  })
})

describe('contractTotalsChartOption', () => {
  it('draws one bar per year with that year’s amount', () => {
    const option = contractTotalsChartOption(totals)
    expect(option.xAxis).toMatchObject({ data: ['2025 年', '2026 年'] })
    expect(option.series).toMatchObject([{ type: 'bar', data: [30.5, 15.0001] }])
  })
})
