import { UploadOutlined } from '@ant-design/icons'
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_MEGABYTES,
  ATTACHMENTS_PER_RECORD_MAX,
  type AttachmentSummary,
} from '@kechuang/core/attachments'
import { App, Button, Typography, Upload, type UploadFile } from 'antd'
import { useState } from 'react'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { uploadAttachment } from './attachments.api'

/**
 * 附件: each chosen file is uploaded at once; `onChange` gets the ids of the files uploaded so far, for the
 * record's save to link. `onBusyChange` tells the form to wait while a file is still on its way.
 */
export function AttachmentUpload({
  onChange,
  onBusyChange,
}: {
  /** Set by Form.Item; the ids are this component's own state. */
  value?: string[]
  onChange?: (attachmentIds: string[]) => void
  onBusyChange?: (isBusy: boolean) => void
}) {
  const { message } = App.useApp()
  const [fileList, setFileList] = useState<UploadFile<AttachmentSummary>[]>([])

  function handleChange(files: UploadFile<AttachmentSummary>[]) {
    setFileList(files)
    onChange?.(files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])))
    onBusyChange?.(files.some((f) => f.status === 'uploading'))
  }

  return (
    <>
      <Upload<AttachmentSummary>
        accept={ATTACHMENT_ACCEPT}
        multiple
        maxCount={ATTACHMENTS_PER_RECORD_MAX}
        fileList={fileList}
        onChange={({ fileList: files }) => handleChange(files)}
        beforeUpload={(file) => {
          if (file.size <= ATTACHMENT_MAX_BYTES) return true
          void message.error(t('attachments.tooLarge', { name: file.name, mb: ATTACHMENT_MAX_MEGABYTES }))
          return Upload.LIST_IGNORE
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const blob = file as File
          uploadAttachment(blob, blob.name)
            .then((stored) => onSuccess?.(stored))
            .catch((error: unknown) => {
              const text = describeError(error)
              if (text) void message.error(text)
              onError?.(error instanceof Error ? error : new Error(String(error)))
            })
        }}
      >
        <Button icon={<UploadOutlined />} disabled={fileList.length >= ATTACHMENTS_PER_RECORD_MAX}>
          {t('attachments.upload')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('attachments.hint', { mb: ATTACHMENT_MAX_MEGABYTES, max: ATTACHMENTS_PER_RECORD_MAX })}
      </Typography.Text>
    </>
  )
}
