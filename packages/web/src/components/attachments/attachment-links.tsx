import { PaperClipOutlined } from '@ant-design/icons'
import type { AttachmentSummary } from '@kechuang/core/attachments'
import { Flex, Typography } from 'antd'
import { t } from '../../i18n/t'
import { attachmentDownloadUrl } from './attachments.api'

/** A record's attachments as download links, with their sizes; nothing when there are none. */
export function AttachmentLinks({ attachments }: { attachments: AttachmentSummary[] }) {
  if (attachments.length === 0) return null
  return (
    <Flex vertical gap={0} aria-label={t('attachments.title')}>
      {attachments.map((a) => (
        <Typography.Link key={a.id} href={attachmentDownloadUrl(a.id)} style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {a.fileName}（{formatFileSize(a.sizeBytes)}）
        </Typography.Link>
      ))}
    </Flex>
  )
}

function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
