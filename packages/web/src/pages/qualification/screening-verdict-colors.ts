import type { QualifiedValue } from '@kechuang/core/qualification'

/** One colour per verdict on this page: tags (antd preset names) and the figures of the summary. */
export const QUALIFIED_TAG_COLORS: Record<QualifiedValue, string> = {
  qualified: 'green',
  failed: 'red',
  'needs-review': 'orange',
}

export const QUALIFIED_TEXT_COLORS: Record<QualifiedValue, string> = {
  qualified: '#389e0d',
  failed: '#cf1322',
  'needs-review': '#d46b08',
}
