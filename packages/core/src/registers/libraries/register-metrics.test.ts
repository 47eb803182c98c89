import { describe, expect, it } from 'vitest'
import {
  REGISTER_METRICS,
  REGISTER_METRIC_KEY_MAX_LENGTH,
  REGISTER_METRIC_KEYS,
  isRegisterMetric,
} from './register-metrics'

describe('register metrics', () => {
  it('has keys that fit the indicators.register_metric column', () => {
    for (const key of REGISTER_METRIC_KEYS)
      expect(key.length).toBeLessThanOrEqual(REGISTER_METRIC_KEY_MAX_LENGTH)
  })

  it('counts 高企 by the hnte qualification and platforms at provincial level or above', () => {
    expect(REGISTER_METRICS.hnte_count.count).toEqual({ kind: 'qualification', types: ['hnte'] })
    expect(REGISTER_METRICS.provincial_incubation_carrier_count.count).toMatchObject({
      kind: 'platform',
      levels: ['provincial', 'national'],
    })
  })

  it('sums 技术合同成交额 from the contract registry in 亿元 or 万元', () => {
    expect(REGISTER_METRICS.tech_contract_amount_100m).toMatchObject({
      unit: '亿元',
      source: '技术合同登记',
      count: { kind: 'contract_amount', wanYuanPerUnit: 10_000 },
    })
    expect(REGISTER_METRICS.tech_contract_amount_10k).toMatchObject({
      unit: '万元',
      count: { kind: 'contract_amount', wanYuanPerUnit: 1 },
    })
    for (const key of REGISTER_METRIC_KEYS)
      if (REGISTER_METRICS[key].count.kind !== 'contract_amount')
        expect(REGISTER_METRICS[key].source).toBe('创新主体库')
  })

  it('recognises only known keys', () => {
    expect(isRegisterMetric('tsme_count')).toBe(true)
    expect(isRegisterMetric('toString')).toBe(false)
  })
})
