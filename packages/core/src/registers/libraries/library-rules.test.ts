import { describe, expect, it } from 'vitest'
import { enterpriseFiguresOn, yearsBefore, type EnterpriseFacts } from './enterprise-figures'
import {
  checkHnteReserveRule,
  checkInvestmentProjectRule,
  checkPlatformReserveRule,
  checkRdTalentRule,
  checkTechIncubationRule,
} from './library-rules'

const facts: EnterpriseFacts = {
  foundedOn: '2015-03-01',
  qualifications: [],
  years: [
    { year: 2023, rdExpenseWanYuan: 40, salesRevenueWanYuan: 1000, rdStaffCount: 6 },
    // A second row of the same cluster and year: the larger figures are taken, not the sum.
    { year: 2023, rdExpenseWanYuan: 30, salesRevenueWanYuan: 800, rdStaffCount: 8 },
    { year: 2025, rdExpenseWanYuan: 10, salesRevenueWanYuan: 1000, rdStaffCount: 0 },
  ],
  ip: [
    { ipClass: 'II', legalStatus: 'granted', grantedOn: '2022-01-01' },
    { ipClass: 'II', legalStatus: 'granted', grantedOn: '2022-02-01' },
    { ipClass: 'II', legalStatus: 'granted', grantedOn: '2023-02-01' },
    { ipClass: 'II', legalStatus: 'granted', grantedOn: '2024-06-01' },
    { ipClass: 'I', legalStatus: 'pending', grantedOn: null },
  ],
}

describe('enterpriseFiguresOn', () => {
  it('reads the latest year up to the date and takes the largest figure of duplicate rows', () => {
    const figures = enterpriseFiguresOn(facts, '2024-12-31')
    expect(figures.figuresYear).toBe(2023)
    expect(figures.rdExpenseRatio).toBeCloseTo(0.04)
    expect(figures.rdStaffCount).toBe(8)
    expect(figures.classTwoIpCount).toBe(4)
    expect(figures.classOneIpCount).toBe(0)
  })

  it('moves 29 February back to 28 February', () => {
    expect(yearsBefore('2024-02-29', 3)).toBe('2021-02-28')
  })
})

describe('高企后备库 rule', () => {
  it('includes an enterprise with 4% R&D and four granted Ⅱ类 IP, and says why', () => {
    const verdict = checkHnteReserveRule(enterpriseFiguresOn(facts, '2024-12-31'))
    expect(verdict.isMember).toBe(true)
    expect(verdict.reason).toContain('2023 年研发费用占销售收入 4.0%')
    expect(verdict.reason).toContain('Ⅱ类 4 件')
  })

  it('excludes it while only three Ⅱ类 IP were granted', () => {
    const verdict = checkHnteReserveRule(enterpriseFiguresOn(facts, '2023-12-31'))
    expect(verdict).toEqual({
      isMember: false,
      reason: '有效Ⅰ类知识产权 0 件、Ⅱ类 3 件，需Ⅰ类 ≥ 1 件或Ⅱ类 ≥ 4 件',
    })
  })

  it('excludes a holder of a valid 高企 certificate', () => {
    const withHnte: EnterpriseFacts = {
      ...facts,
      qualifications: [
        { type: 'hnte', status: 'held', validFrom: '2024-01-01', validTo: '2026-12-31', year: null },
      ],
    }
    expect(checkHnteReserveRule(enterpriseFiguresOn(withHnte, '2024-12-31')).isMember).toBe(false)
  })
})

describe('科技型企业培育库 rule', () => {
  it('includes a young enterprise and one with R&D staff, excludes a 科技型中小企业', () => {
    const young = { ...facts, foundedOn: '2022-06-01', years: [] }
    expect(checkTechIncubationRule(enterpriseFiguresOn(young, '2024-12-31'), '2024-12-31').reason).toBe(
      '成立于 2022-06-01，不满 5 年，尚未成为科技型中小企业或高新技术企业',
    )
    expect(checkTechIncubationRule(enterpriseFiguresOn(facts, '2024-12-31'), '2024-12-31').isMember).toBe(
      true,
    )
    // 2025 figures report no R&D staff and the enterprise is ten years old.
    expect(checkTechIncubationRule(enterpriseFiguresOn(facts, '2025-12-31'), '2025-12-31').isMember).toBe(
      false,
    )
    const tsme: EnterpriseFacts = {
      ...young,
      qualifications: [{ type: 'tsme', status: 'held', validFrom: null, validTo: null, year: 2024 }],
    }
    expect(checkTechIncubationRule(enterpriseFiguresOn(tsme, '2024-12-31'), '2024-12-31').isMember).toBe(
      false,
    )
  })
})

describe('project, talent and platform rules', () => {
  it('lists 科技招商 projects unless terminated', () => {
    expect(checkInvestmentProjectRule({ kind: 'investment_attraction', status: 'signed' }).isMember).toBe(
      true,
    )
    expect(checkInvestmentProjectRule({ kind: 'investment_attraction', status: 'terminated' }).isMember).toBe(
      false,
    )
    expect(checkInvestmentProjectRule({ kind: 'science_program', status: 'signed' }).isMember).toBe(false)
  })

  it('lists 研发人才 and 高层次人才 only', () => {
    expect(checkRdTalentRule({ kind: 'leading_talent' }).isMember).toBe(true)
    expect(checkRdTalentRule({ kind: 'technology_commissioner' }).isMember).toBe(false)
  })

  it('lists striving platforms and built ones aiming higher', () => {
    expect(
      checkPlatformReserveRule({ status: 'striving', level: null, targetLevel: 'provincial' }).isMember,
    ).toBe(true)
    expect(
      checkPlatformReserveRule({ status: 'built', level: 'municipal', targetLevel: 'provincial' }).reason,
    ).toBe('已建成市级平台，争创省级')
    expect(
      checkPlatformReserveRule({ status: 'built', level: 'provincial', targetLevel: 'provincial' }).isMember,
    ).toBe(false)
    expect(checkPlatformReserveRule({ status: 'built', level: 'national', targetLevel: null }).isMember).toBe(
      false,
    )
  })
})
