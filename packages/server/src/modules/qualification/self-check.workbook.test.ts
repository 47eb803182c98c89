import { describe, expect, it } from 'vitest'
import { SELF_CHECK_LAYOUTS, type SelfCheckField } from '@kechuang/core/qualification'
import { parseCell } from './self-check.workbook'

const tsmeField = (key: string): SelfCheckField =>
  SELF_CHECK_LAYOUTS['tsme-2022'].fields.find((f) => f.key === key)!

describe('parseCell', () => {
  it('reads dates typed the Chinese way, Excel dates and day numbers as YYYY-MM-DD', () => {
    const date = tsmeField('evaluationDate')
    expect(parseCell('2025/5/10', date)).toEqual({ ok: true, value: '2025-05-10' })
    expect(parseCell('2025年5月10日', date)).toEqual({ ok: true, value: '2025-05-10' })
    expect(parseCell(new Date('2025-05-10T00:00:00Z'), date)).toEqual({ ok: true, value: '2025-05-10' })
    expect(parseCell(45787, date)).toEqual({ ok: true, value: '2025-05-10' })
    expect(parseCell('2025-02-29', date)).toEqual({
      ok: false,
      message: '“评价日期”应为日期（如 2025-05-10），文件中为“2025-02-29”',
    })
  })

  it('reads numbers with thousands separators, formula results, and a share written as a percentage', () => {
    expect(parseCell('1,200.5', tsmeField('salesRevenueWanYuan'))).toEqual({ ok: true, value: 1200.5 })
    expect(parseCell({ formula: 'A1*2', result: 80 }, tsmeField('employeeCount'))).toEqual({
      ok: true,
      value: 80,
    })
    expect(parseCell('35%', tsmeField('excludedIndustryRevenueRatio'))).toEqual({ ok: true, value: 0.35 })
  })

  it('reads 是/否/不确定, where 不确定 is unknown and never "no"', () => {
    const flag = tsmeField('residentEnterprise')
    expect(parseCell('是', flag)).toEqual({ ok: true, value: true })
    expect(parseCell('否', flag)).toEqual({ ok: true, value: false })
    expect(parseCell('不确定', flag)).toEqual({ ok: true, value: null })
    expect(parseCell('  ', flag)).toEqual({ ok: 'empty' })
    expect(parseCell('大概', flag)).toMatchObject({ ok: false })
  })

  it('reads a choice by its Chinese label or its code', () => {
    const method = tsmeField('taxCollectionMethod')
    expect(parseCell('核定征收', method)).toEqual({ ok: true, value: 'deemed' })
    expect(parseCell('audit', method)).toEqual({ ok: true, value: 'audit' })
    expect(parseCell('包税', method)).toEqual({
      ok: false,
      message: '“企业所得税征收方式”应为以下之一：查账征收、核定征收，文件中为“包税”',
    })
  })
})
