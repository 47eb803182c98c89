import { UploadOutlined } from '@ant-design/icons'
import type { ImportResult, ImportRowError } from '@kechuang/core/indicators'
import { useMutation } from '@tanstack/react-query'
import { Alert, App, Button, Table, Upload } from 'antd'
import { useState, type ReactNode } from 'react'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { importRowErrors, importTemplate } from './indicators.api'

interface TemplateUploadOptions {
  planId: string
  disabled?: boolean
  onImported: (result: ImportResult) => void
}

type Outcome = { kind: 'rejected'; message: string; errors: ImportRowError[] } | null

/**
 * 上传填报表: the button sends a filled template; `errors` shows a rejected file's message and its row-by-row
 * errors (行, 列, 错误说明) until the next upload. Nothing is written unless every row passes.
 */
export function useTemplateUpload({ planId, disabled, onImported }: TemplateUploadOptions): {
  button: ReactNode
  errors: ReactNode
} {
  const { message } = App.useApp()
  const [outcome, setOutcome] = useState<Outcome>(null)
  const upload = useMutation({
    mutationFn: (file: File) => importTemplate(planId, file, file.name),
    onMutate: () => setOutcome(null),
    onSuccess: (result) => {
      const count = result.created + result.updated + result.unchanged
      void message.success(t('entry.importDone', { count }))
      onImported(result)
    },
    onError: (error) => {
      const text = describeError(error)
      if (text) setOutcome({ kind: 'rejected', message: text, errors: importRowErrors(error) })
    },
  })

  return {
    button: (
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        disabled={disabled || upload.isPending}
        beforeUpload={(file) => {
          upload.mutate(file)
          // The mutation sends it; Upload itself must not.
          return false
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={disabled}>
          {t('entry.upload')}
        </Button>
      </Upload>
    ),
    errors: outcome && (
      <Alert
        type="error"
        showIcon
        closable={{ onClose: () => setOutcome(null) }}
        title={outcome.message}
        description={
          outcome.errors.length > 0 && (
            <Table<ImportRowError>
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              pagination={false}
              style={{ marginTop: 8 }}
              aria-label={t('entry.importErrorsTitle')}
              dataSource={outcome.errors}
              columns={[
                { title: t('entry.row'), dataIndex: 'row', key: 'row', width: 56 },
                { title: t('entry.column'), dataIndex: 'column', key: 'column', width: 56 },
                { title: t('entry.message'), dataIndex: 'message', key: 'message' },
              ]}
            />
          )
        }
        style={{ marginBottom: 16 }}
      />
    ),
  }
}
