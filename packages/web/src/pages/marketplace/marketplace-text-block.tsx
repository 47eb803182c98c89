import { Typography } from 'antd'
import { t } from '../../i18n/t'

/** A long text field (需求描述, 成果简介, 简介) as typed: line breaks kept, markup shown as text. */
export function MarketplaceTextBlock({ text }: { text: string | null }) {
  if (!text) return <Typography.Text type="secondary">{t('marketplace.notGiven')}</Typography.Text>
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
}
