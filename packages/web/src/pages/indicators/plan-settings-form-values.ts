import {
  INDICATOR_NATURES,
  type IndicatorNature,
  type PathModel,
  type PlanDetail,
  type StatusThresholds,
} from '@kechuang/core/indicators'

/** The settings form's values: the thresholds as percentages (95 for 0.95), as the bureau reads them. */
export interface PlanSettingsFormValues {
  pathModel: PathModel
  statusThresholds: Record<IndicatorNature, StatusThresholds>
}

// Two decimals of a percentage at most, so 0.95 shows as 95 and not 95.00000000000001.
const toPercent = (ratio: number) => Math.round(ratio * 10000) / 100
const toRatio = (percent: number) => Math.round(percent * 100) / 10000

function mapThresholds(
  thresholds: Record<IndicatorNature, StatusThresholds>,
  convert: (value: number) => number,
): Record<IndicatorNature, StatusThresholds> {
  const entries = INDICATOR_NATURES.map((nature) => {
    const { onTrack, lagging } = thresholds[nature]
    return [nature, { onTrack: convert(onTrack), lagging: convert(lagging) }] as const
  })
  return Object.fromEntries(entries) as Record<IndicatorNature, StatusThresholds>
}

export function toPlanSettingsFormValues(
  plan: Pick<PlanDetail, 'pathModel' | 'statusThresholds'>,
): PlanSettingsFormValues {
  return { pathModel: plan.pathModel, statusThresholds: mapThresholds(plan.statusThresholds, toPercent) }
}

/**
 * The form's values as the API takes them (ratios), for PlanSettingsInput to check. A cleared field stays
 * undefined, so the schema names it ("…必须是数字") rather than reading it as 0.
 */
export function toPlanSettingsInput(values: PlanSettingsFormValues): unknown {
  return {
    pathModel: values.pathModel,
    statusThresholds: mapThresholds(values.statusThresholds, (percent) =>
      typeof percent === 'number' ? toRatio(percent) : percent,
    ),
  }
}
