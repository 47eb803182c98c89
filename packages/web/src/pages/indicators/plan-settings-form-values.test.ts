import { DEFAULT_STATUS_THRESHOLDS, PlanSettingsInput } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { toPlanSettingsFormValues, toPlanSettingsInput } from './plan-settings-form-values'

describe('plan settings form values', () => {
  it('shows the thresholds as whole percentages, without float noise', () => {
    expect(
      toPlanSettingsFormValues({ pathModel: 'linear', statusThresholds: DEFAULT_STATUS_THRESHOLDS }),
    ).toEqual({
      pathModel: 'linear',
      statusThresholds: { expected: { onTrack: 90, lagging: 60 }, binding: { onTrack: 95, lagging: 80 } },
    })
  })

  it('sends percentages back as the ratios the API takes, round trip unchanged', () => {
    const values = toPlanSettingsFormValues({
      pathModel: 'constant_growth',
      statusThresholds: {
        expected: { onTrack: 0.9, lagging: 0.6 },
        binding: { onTrack: 0.955, lagging: 0.8 },
      },
    })
    expect(values.statusThresholds.binding.onTrack).toBe(95.5)
    expect(PlanSettingsInput.parse(toPlanSettingsInput(values))).toEqual({
      pathModel: 'constant_growth',
      statusThresholds: {
        expected: { onTrack: 0.9, lagging: 0.6 },
        binding: { onTrack: 0.955, lagging: 0.8 },
      },
    })
  })

  it('leaves a cleared field empty so the core schema names it', () => {
    const values = toPlanSettingsFormValues({
      pathModel: 'linear',
      statusThresholds: DEFAULT_STATUS_THRESHOLDS,
    })
    const cleared = {
      ...values,
      statusThresholds: {
        ...values.statusThresholds,
        binding: { onTrack: 95, lagging: null as unknown as number },
      },
    }
    const result = PlanSettingsInput.safeParse(toPlanSettingsInput(cleared))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['statusThresholds', 'binding', 'lagging'],
      message: expect.stringMatching(/约束性指标的滞后线/),
    })
  })
})
