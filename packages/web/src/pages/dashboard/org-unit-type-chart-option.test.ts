import { describe, expect, it } from 'vitest'
import { orgUnitTypeChartOption, orgUnitTypeRows } from './org-unit-type-chart-option'

describe('orgUnitTypeRows', () => {
  it('lists kinds from province down, in Chinese, leaving out kinds with no unit', () => {
    expect(orgUnitTypeRows({ township: 13, city: 1, province: 1, park: 0 })).toEqual([
      { name: '省', value: 1 },
      { name: '市', value: 1 },
      { name: '乡镇(街道)', value: 13 },
    ])
  })

  it('keeps a kind it does not know under its code, after the known ones', () => {
    expect(orgUnitTypeRows({ village: 2, county: 1 })).toEqual([
      { name: '县(市、区)', value: 1 },
      { name: 'village', value: 2 },
    ])
  })
})

describe('orgUnitTypeChartOption', () => {
  it('draws one bar per kind, the first kind at the top', () => {
    const option = orgUnitTypeChartOption({ province: 1, city: 1, county: 6 })
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['县(市、区)', '市', '省'] })
    expect(option.series).toMatchObject([{ type: 'bar', data: [6, 1, 1] }])
  })

  it('draws an empty chart for an empty scope', () => {
    expect(orgUnitTypeChartOption({}).series).toMatchObject([{ data: [] }])
  })
})
