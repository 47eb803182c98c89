import { INDICATOR_STATUS_LABELS, type IndicatorStatusRow } from '@kechuang/core/indicators'
import { Tag, Tooltip } from 'antd'
import { STATUS_TAG_COLORS } from './indicator-status-colors'

/** The status as a coloured tag; the gap ("差 5 家") and the deciding rule in its tooltip. */
export function IndicatorStatusTag({
  row,
}: {
  row: Pick<IndicatorStatusRow, 'status' | 'gapText' | 'ruleLabel'>
}) {
  const tag = (
    <Tag color={STATUS_TAG_COLORS[row.status]} style={{ marginInlineEnd: 0 }}>
      {INDICATOR_STATUS_LABELS[row.status]}
    </Tag>
  )
  const hint = [row.gapText, row.ruleLabel].filter(Boolean).join('；')
  return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag
}
