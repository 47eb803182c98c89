import { z } from 'zod'
import {
  INDICATOR_NATURE_LABELS,
  PATH_MODELS,
  StatusThresholds,
  type IndicatorNature,
  type PathModel,
} from './indicators.schemas'

/**
 * A plan's evaluation settings, changed by the bureau (issue 3 scope 3): the expected path from baseline to
 * target, and the status thresholds on the progress ratio per nature. The thresholds are sent whole (both
 * natures, both lines) so the cross-field rules always see a complete set.
 */

export const PATH_MODEL_LABELS: Record<PathModel, string> = {
  linear: '线性',
  constant_growth: '等比增长',
}

export const THRESHOLD_RATIO_MIN = 0
export const THRESHOLD_RATIO_MAX = 1

const percent = (ratio: number) => `${Math.round(ratio * 10000) / 100}%`

const thresholdRatio = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(THRESHOLD_RATIO_MIN, { error: `${label}不能低于 ${percent(THRESHOLD_RATIO_MIN)}` })
    .max(THRESHOLD_RATIO_MAX, { error: `${label}不能高于 ${percent(THRESHOLD_RATIO_MAX)}` })

const natureThresholds = (nature: IndicatorNature) => {
  const label = `${INDICATOR_NATURE_LABELS[nature]}指标的`
  return z.strictObject({
    onTrack: thresholdRatio(`${label}进度正常线`),
    lagging: thresholdRatio(`${label}滞后线`),
  })
}

/**
 * Rules across fields, each reported on the field to change:
 * - per nature, 滞后线 ≤ 进度正常线 (equal lines leave no 滞后 band, which a bureau may want);
 * - 约束性 at least as strict as 预期性, line by line: a binding target is the one the plan promises, so it
 *   never earns 进度正常 at a progress ratio where an expected one would not.
 */
export const PlanStatusThresholdsInput = z
  .strictObject({ expected: natureThresholds('expected'), binding: natureThresholds('binding') })
  .superRefine((thresholds, ctx) => {
    for (const nature of ['expected', 'binding'] as const) {
      const { onTrack, lagging } = thresholds[nature]
      if (lagging > onTrack)
        ctx.addIssue({
          code: 'custom',
          path: [nature, 'lagging'],
          message: `${INDICATOR_NATURE_LABELS[nature]}指标的滞后线（${percent(lagging)}）不能高于进度正常线（${percent(onTrack)}）`,
        })
    }
    const { expected, binding } = thresholds
    if (binding.onTrack < expected.onTrack)
      ctx.addIssue({
        code: 'custom',
        path: ['binding', 'onTrack'],
        message: `约束性指标的进度正常线（${percent(binding.onTrack)}）不能低于预期性指标的（${percent(expected.onTrack)}）`,
      })
    if (binding.lagging < expected.lagging)
      ctx.addIssue({
        code: 'custom',
        path: ['binding', 'lagging'],
        message: `约束性指标的滞后线（${percent(binding.lagging)}）不能低于预期性指标的（${percent(expected.lagging)}）`,
      })
  })
export type PlanStatusThresholdsInput = z.infer<typeof PlanStatusThresholdsInput>

/** PATCH /api/plans/:planId/settings: either or both settings; what is absent stays as it is. */
export const PlanSettingsInput = z
  .strictObject({
    pathModel: z.enum(PATH_MODELS, { error: '进度路径应为线性或等比增长' }).optional(),
    statusThresholds: PlanStatusThresholdsInput.optional(),
  })
  .refine((input) => input.pathModel !== undefined || input.statusThresholds !== undefined, {
    error: '请至少修改一项设置（进度路径或状态阈值）',
  })
export type PlanSettingsInput = z.infer<typeof PlanSettingsInput>

/** A plan's current settings, as GET /api/plans/:planId also returns them. */
export const PlanSettings = z.object({
  planId: z.string(),
  pathModel: z.enum(PATH_MODELS),
  statusThresholds: z.object({ expected: StatusThresholds, binding: StatusThresholds }),
})
export type PlanSettings = z.infer<typeof PlanSettings>
