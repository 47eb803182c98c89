import { describe, expect, it } from 'vitest'
import { DEFAULT_STATUS_THRESHOLDS } from './indicators.schemas'
import { PlanSettingsInput } from './plan-settings.schemas'

const issuesOf = (input: unknown) => {
  const result = PlanSettingsInput.safeParse(input)
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}

const thresholds = (binding: { onTrack: number; lagging: number }) => ({
  expected: DEFAULT_STATUS_THRESHOLDS.expected,
  binding,
})

describe('PlanSettingsInput', () => {
  it('accepts the default thresholds, a path model alone, and a binding set equal to the expected one', () => {
    expect(issuesOf({ statusThresholds: DEFAULT_STATUS_THRESHOLDS })).toEqual([])
    expect(issuesOf({ pathModel: 'constant_growth' })).toEqual([])
    expect(issuesOf({ statusThresholds: thresholds({ onTrack: 0.9, lagging: 0.6 }) })).toEqual([])
  })

  it('refuses a 滞后线 above the 进度正常线, on the 滞后线', () => {
    expect(issuesOf({ statusThresholds: thresholds({ onTrack: 0.95, lagging: 0.96 }) })).toEqual([
      {
        path: 'statusThresholds.binding.lagging',
        message: '约束性指标的滞后线（96%）不能高于进度正常线（95%）',
      },
    ])
  })

  it('refuses binding lines looser than the expected ones', () => {
    expect(issuesOf({ statusThresholds: thresholds({ onTrack: 0.85, lagging: 0.5 }) })).toEqual([
      {
        path: 'statusThresholds.binding.onTrack',
        message: '约束性指标的进度正常线（85%）不能低于预期性指标的（90%）',
      },
      {
        path: 'statusThresholds.binding.lagging',
        message: '约束性指标的滞后线（50%）不能低于预期性指标的（60%）',
      },
    ])
  })

  it('refuses lines outside 0–100 %', () => {
    expect(issuesOf({ statusThresholds: thresholds({ onTrack: 1.2, lagging: 0.8 }) })).toEqual([
      { path: 'statusThresholds.binding.onTrack', message: '约束性指标的进度正常线不能高于 100%' },
    ])
    expect(
      issuesOf({
        statusThresholds: {
          ...thresholds({ onTrack: 0.95, lagging: 0.8 }),
          expected: { onTrack: 0.9, lagging: -0.1 },
        },
      }),
    ).toEqual([{ path: 'statusThresholds.expected.lagging', message: '预期性指标的滞后线不能低于 0%' }])
  })

  it('refuses an empty change, unknown fields and a half set of thresholds', () => {
    expect(issuesOf({})).toEqual([{ path: '', message: '请至少修改一项设置（进度路径或状态阈值）' }])
    expect(issuesOf({ pathModel: 'linear', colour: 'red' })).toHaveLength(1)
    expect(issuesOf({ statusThresholds: { binding: { onTrack: 0.95, lagging: 0.8 } } })).not.toEqual([])
    expect(issuesOf({ pathModel: 'exponential' })).toEqual([
      { path: 'pathModel', message: '进度路径应为线性或等比增长' },
    ])
  })
})
