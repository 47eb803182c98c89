import type { IndicatorStatus } from '@kechuang/core/indicators'

/** Tag colours (Ant Design presets) by status: done green, on track blue, lagging orange, serious red. */
export const STATUS_TAG_COLORS: Record<IndicatorStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  lagging: 'orange',
  seriously_lagging: 'red',
  no_data: 'default',
}

/** The same colours for charts. */
export const STATUS_CHART_COLORS: Record<IndicatorStatus, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  lagging: '#fa8c16',
  seriously_lagging: '#f5222d',
  no_data: '#bfbfbf',
}
