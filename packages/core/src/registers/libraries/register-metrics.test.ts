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

  it('recognises only known keys', () => {
    expect(isRegisterMetric('tsme_count')).toBe(true)
    expect(isRegisterMetric('toString')).toBe(false)
  })
})
