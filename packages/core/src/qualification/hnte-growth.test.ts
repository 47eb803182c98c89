import { describe, expect, it } from 'vitest'
import { fraction } from './exact-fraction'
import { growthTier, scoreGrowth } from './hnte-growth'

const figures = (...values: (number | null)[]) =>
  values.map((value, i) => ({
    value,
    path: `fiscalYears.${i}.netAssetsYearEndWanYuan`,
    year: 2022 + i,
    label: '年末净资产',
  }))

describe('growth rates (spec §3.4.4)', () => {
  it('tiers ≥35 / ≥25 / ≥15 / ≥5 / >0 / ≤0, lower bounds inclusive except E', () => {
    const tier = (n: number, d: number) => growthTier(fraction(n, d)).tier
    expect([
      tier(35, 100),
      tier(25, 100),
      tier(15, 100),
      tier(5, 100),
      tier(1, 1e6),
      tier(0, 1),
      tier(-1, 10),
    ]).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'F'])
  })

  it('scores a one-year enterprise 0: (0, 0, y₁) has a zero second value (I-HNTE-YOUNG)', () => {
    const item = scoreGrowth('净资产', figures(900))
    expect(item).toMatchObject({ band: { min: 0, max: 0 }, tier: 'F' })
    expect(item.explanation.zh).toBe(
      '实际经营 1 年（此前年末净资产视为0），第二年末净资产为0，按0分计算，F档 0 分。',
    )
  })

  it('follows the S8 worked answer "(75−122)/122" for a zero first year', () => {
    const item = scoreGrowth('销售收入', figures(0, 122, 75))
    expect(item).toMatchObject({ tier: 'F', value: '-38.52%', interpretations: ['I-HNTE-LATER2'] })
  })

  it('takes the union of both readings when a value is negative (I-HNTE-NEG)', () => {
    const item = scoreGrowth('净资产', figures(-300, 200, 260))
    expect(item.band).toEqual({ min: 0, max: 8 })
    expect(item.tier).toBeUndefined()
    expect(item.interpretations).toEqual(['I-HNTE-LATER2', 'I-HNTE-NEG'])
  })

  it('leaves the band 0–10 and names the figure when one is missing', () => {
    const item = scoreGrowth('净资产', figures(1000, null, 1200))
    expect(item).toMatchObject({
      band: { min: 0, max: 10 },
      missingFields: ['fiscalYears.1.netAssetsYearEndWanYuan'],
    })
    expect(item.explanation.zh).toBe(
      '数据不足：缺少2023 年年末净资产（fiscalYears.1.netAssetsYearEndWanYuan）；净资产增长率 0–10 分。',
    )
  })
})
