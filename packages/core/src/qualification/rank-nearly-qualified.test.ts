import { describe, expect, it } from 'vitest'
import { evaluateQualification } from './evaluate-qualification'
import { rankNearlyQualified } from './rank-nearly-qualified'

const BASE = {
  evaluationDate: '2025-05-10',
  dataYear: 2024,
  residentEnterprise: true,
  accountingSound: true,
  taxCollectionMethod: 'audit',
  totalAssetsWanYuan: 2000,
  industryRestrictedOrEliminated: false,
  industryExcludedFromRdSuperDeduction: false,
  majorIncidentOrMisconduct: false,
  onAbnormalOrSeriousDishonestList: false,
  employeeCount: 50,
  techStaffCount: 10,
  salesRevenueWanYuan: 3000,
  costExpenseTotalWanYuan: 2800,
  ipList: Array.from({ length: 3 }, () => ({
    type: 'utilityModel',
    valid: true,
    relatedToMainProducts: true,
    disputed: false,
  })),
}

const screen = (key: string, fields: Record<string, unknown>) => ({
  key,
  verdict: evaluateQualification('tsme-2022', { ...BASE, ...fields }),
})

describe('rankNearlyQualified', () => {
  it('ranks by failed conditions, then open ones, then the score shortfall; leaves out the qualified and the unfixable', () => {
    const ranked = rankNearlyQualified([
      screen('qualified', { rdExpenseWanYuan: 120 }),
      screen('two-failures', { rdExpenseWanYuan: 90, totalAssetsWanYuan: 20001 }),
      screen('ten-short', { rdExpenseWanYuan: 90 }),
      screen('open', { rdExpenseWanYuan: 120, costExpenseTotalWanYuan: null, salesRevenueWanYuan: null }),
      screen('twenty-short', { rdExpenseWanYuan: 60 }),
      screen('not-resident', { rdExpenseWanYuan: 120, residentEnterprise: false }),
    ])
    expect(ranked.map((r) => [r.rank, r.key])).toEqual([
      [1, 'open'],
      [2, 'ten-short'],
      [3, 'twenty-short'],
      [4, 'two-failures'],
    ])
    expect(ranked[1]).toMatchObject({
      qualified: false,
      scoreShortfall: 10,
      gaps: [{ conditionId: 'TSME-C5-score', gap: { amount: 10, unit: '分' } }],
    })
  })

  it('leaves out enterprises with more failures than asked for', () => {
    const ranked = rankNearlyQualified(
      [
        screen('one', { rdExpenseWanYuan: 90 }),
        screen('two', { rdExpenseWanYuan: 90, totalAssetsWanYuan: 20001 }),
      ],
      { maxFailedConditions: 1 },
    )
    expect(ranked.map((r) => r.key)).toEqual(['one'])
  })

  it('honours a limit', () => {
    const ranked = rankNearlyQualified(
      [screen('a', { rdExpenseWanYuan: 90 }), screen('b', { rdExpenseWanYuan: 60 })],
      { limit: 1 },
    )
    expect(ranked.map((r) => r.key)).toEqual(['a'])
  })
})
