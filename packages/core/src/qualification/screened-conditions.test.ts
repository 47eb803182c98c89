import { describe, expect, it } from 'vitest'
import { evaluateQualification } from './evaluate-qualification'
import { screenedConditionOf, storedConditionsOf } from './screened-conditions'

const TSME = {
  evaluationDate: '2025-05-10',
  dataYear: 2024,
  residentEnterprise: true,
  accountingSound: null,
  taxCollectionMethod: null,
  totalAssetsWanYuan: 2000,
  industryRestrictedOrEliminated: false,
  industryExcludedFromRdSuperDeduction: false,
  majorIncidentOrMisconduct: false,
  onAbnormalOrSeriousDishonestList: false,
  employeeCount: 50,
  techStaffCount: 4,
  salesRevenueWanYuan: 3000,
  costExpenseTotalWanYuan: 2800,
  rdExpenseWanYuan: 120,
  ipList: [],
}

describe('screened conditions', () => {
  it('keeps a failed condition with its sentence and gap, and an open one with its missing fields only', () => {
    const verdict = evaluateQualification('tsme-2022', TSME)
    const stored = storedConditionsOf(verdict)
    const failed = stored.find((c) => c.id === 'TSME-C5-tech-staff-nonzero')!
    expect(failed.status).toBe('fail')
    expect(failed.text).toContain('需再增加科技人员')
    expect(failed.gap).toMatchObject({ unit: '人' })
    const open = stored.find((c) => c.id === 'TSME-C1-accounting')!
    expect(open).toEqual({
      id: 'TSME-C1-accounting',
      status: 'insufficient-data',
      missing: expect.arrayContaining(['accountingSound']),
    })
    expect(stored.some((c) => c.id === 'TSME-C2-employees')).toBe(false)
  })

  it('writes the text of an open condition when read, naming the missing fields in Chinese', () => {
    expect(
      screenedConditionOf({
        id: 'TSME-C1-accounting',
        status: 'insufficient-data',
        missing: ['accountingSound', 'taxCollectionMethod'],
      }),
    ).toEqual({
      id: 'TSME-C1-accounting',
      status: 'insufficient-data',
      text: '会计核算与征收方式：数据不足（缺少会计核算健全、企业所得税征收方式）',
      gap: null,
    })
    expect(screenedConditionOf({ id: 'HNTE-3-tech-domain', status: 'needs-judgement' }).text).toBe(
      '核心技术领域：需专家判断',
    )
    expect(
      screenedConditionOf({
        id: 'HNTE-7-innovation-score',
        status: 'insufficient-data',
        missing: ['fiscalYears.0.netAssetsYearEndWanYuan'],
      }).text,
    ).toBe('创新能力评价：数据不足（缺少年末净资产）')
  })
})
