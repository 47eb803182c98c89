import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import {
  REGISTER_IMPORT_MAX_BYTES,
  REGISTER_LIST_TYPE_LABELS,
  REGISTER_LIST_TYPES,
  type ImportStatus,
  type RegisterImport,
  type RegisterListType,
} from '@kechuang/core/registers'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { ImportColumnMapping } from './import-column-mapping'
import {
  commitImport,
  importErrorsUrl,
  importHistoryQueryOptions,
  importKeys,
  importQueryOptions,
  setImportMapping,
  startImport,
} from './import-lists.api'
import { ImportPreviewTable } from './import-preview-table'
import { importProgressPercent } from './import-progress'

type Step = 0 | 1 | 2 | 3

const STATUS_TAGS: Record<ImportStatus, { color: string; key: Parameters<typeof t>[0] }> = {
  processing: { color: 'processing', key: 'registerImports.statusProcessing' },
  ready: { color: 'orange', key: 'registerImports.statusReady' },
  failed: { color: 'red', key: 'registerImports.statusFailed' },
  committed: { color: 'green', key: 'registerImports.statusCommitted' },
}

const stagedRowsOf = (batch: RegisterImport) =>
  batch.errorRowCount + batch.outcomeCounts.linked + batch.outcomeCounts.review + batch.outcomeCounts.new

/** 名单导入: choose list type and file → column mapping → preview with inline fixes → commit → summary; history below. */
export function ImportWizardPage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const importId = searchParams.get('importId')
  const [chosenStep, setChosenStep] = useState<Step | null>(null)
  const batch = useQuery({ ...importQueryOptions(importId ?? ''), enabled: importId !== null })
  const history = useQuery(importHistoryQueryOptions())

  const openImport = (id: string | null, step: Step | null) => {
    setChosenStep(step)
    setSearchParams(id ? { importId: id } : {})
  }
  const data = importId ? batch.data : undefined
  // A batch opened from the history goes straight to where it stands.
  const step: Step = !data
    ? 0
    : data.status === 'committed'
      ? 3
      : (chosenStep ?? (data.status === 'failed' ? 0 : 2))

  return (
    <PageContainer title={t('registerImports.title')}>
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('registerImports.stepUpload') },
            { title: t('registerImports.stepMapping') },
            { title: t('registerImports.stepPreview') },
            { title: t('registerImports.stepDone') },
          ]}
        />
        {batch.isError && <QueryError error={batch.error} onRetry={() => void batch.refetch()} />}
        {step === 0 && <UploadStep failed={data} onStarted={(started) => openImport(started.id, 1)} />}
        {data && data.status === 'processing' && <ImportProgress batch={data} />}
        {data && data.status !== 'processing' && step === 1 && (
          <MappingStep batch={data} onNext={() => setChosenStep(2)} />
        )}
        {data && data.status !== 'processing' && step === 2 && (
          <PreviewStep batch={data} onBack={() => setChosenStep(1)} />
        )}
        {data && step === 3 && <DoneStep batch={data} onNew={() => openImport(null, 0)} />}
      </Card>
      <Card title={t('registerImports.history')}>
        {history.isError && <QueryError error={history.error} onRetry={() => void history.refetch()} />}
        <Table<RegisterImport>
          size="small"
          rowKey="id"
          aria-label={t('registerImports.history')}
          loading={history.isLoading}
          dataSource={history.data ?? []}
          pagination={false}
          columns={[
            { title: t('registerImports.historyFile'), dataIndex: 'fileName', key: 'fileName' },
            {
              title: t('registerImports.listType'),
              key: 'listType',
              render: (_, row) => REGISTER_LIST_TYPE_LABELS[row.listType],
            },
            {
              title: t('registerImports.historyStatus'),
              key: 'status',
              render: (_, row) => (
                <Tag color={STATUS_TAGS[row.status].color}>{t(STATUS_TAGS[row.status].key)}</Tag>
              ),
            },
            {
              title: t('registerImports.stepDone'),
              key: 'summary',
              render: (_, row) =>
                row.summary
                  ? `${t('registerImports.summaryCreated')} ${row.summary.created} · ${t('registerImports.summaryLinked')} ${row.summary.linked} · ${t('registerImports.summaryQueued')} ${row.summary.queued}`
                  : '',
            },
            { title: t('registerImports.historyBy'), dataIndex: 'createdByName', key: 'by' },
            {
              title: t('registerImports.historyAt'),
              key: 'at',
              render: (_, row) => new Date(row.createdAt).toLocaleString('zh-CN'),
            },
            {
              title: '',
              key: 'open',
              render: (_, row) => (
                <Button type="link" size="small" onClick={() => openImport(row.id, null)}>
                  {t('registerImports.historyOpen')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  )
}

function UploadStep({
  failed,
  onStarted,
}: {
  failed: RegisterImport | undefined
  onStarted: (batch: RegisterImport) => void
}) {
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const [listType, setListType] = useState<RegisterListType>('hnte')
  const [file, setFile] = useState<File | null>(null)
  const start = useMutation({
    mutationFn: () => startImport(listType, file!, file!.name),
    onSuccess: async (started) => {
      await queryClient.invalidateQueries({ queryKey: importKeys.all })
      onStarted(started)
    },
    onError: handleError,
  })
  return (
    <Form layout="vertical" style={{ maxWidth: 480 }}>
      {failed?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('registerImports.readFailed', { message: failed.failure ?? '' })}
        />
      )}
      <Form.Item label={t('registerImports.listType')} htmlFor="import-list-type">
        <Select<RegisterListType>
          id="import-list-type"
          data-testid="import-list-type"
          value={listType}
          onChange={setListType}
          options={REGISTER_LIST_TYPES.map((type) => ({
            value: type,
            label: REGISTER_LIST_TYPE_LABELS[type],
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('registerImports.file')}
        extra={t('registerImports.fileHint', { maxMb: REGISTER_IMPORT_MAX_BYTES / 1024 / 1024 })}
      >
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          maxCount={1}
          data-testid="import-file"
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          onRemove={() => setFile(null)}
          beforeUpload={(chosen) => {
            setFile(chosen)
            // Sent with the button below, not by Upload itself.
            return false
          }}
        >
          <Button icon={<UploadOutlined />}>{t('registerImports.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Button
        type="primary"
        disabled={!file}
        loading={start.isPending}
        onClick={() => start.mutate()}
        data-testid="import-upload"
      >
        {t('registerImports.upload')}
      </Button>
    </Form>
  )
}

function ImportProgress({ batch }: { batch: RegisterImport }) {
  const percent = importProgressPercent(batch, stagedRowsOf(batch))
  return (
    <div data-testid="import-progress">
      <Progress percent={percent} status="active" aria-label={t('registerImports.stepUpload')} />
      <Typography.Text type="secondary">
        {t('registerImports.reading', { rows: batch.processedRows })}
      </Typography.Text>
    </div>
  )
}

function MappingStep({ batch, onNext }: { batch: RegisterImport; onNext: () => void }) {
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const apply = useMutation({
    mutationFn: (mapping: Record<string, string | null>) => setImportMapping(batch.id, mapping),
    onSuccess: (updated) => queryClient.setQueryData(importKeys.one(batch.id), updated),
    onError: handleError,
  })
  // Remounted per mapping so the Selects start from the server's current one.
  return (
    <ImportColumnMapping
      key={JSON.stringify(batch.mapping)}
      batch={batch}
      isApplying={apply.isPending}
      onApply={(mapping) => apply.mutate(mapping)}
      onNext={onNext}
    />
  )
}

function PreviewStep({ batch, onBack }: { batch: RegisterImport; onBack: () => void }) {
  const { modal } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const commit = useMutation({
    mutationFn: () => commitImport(batch.id),
    onSuccess: async (committed) => {
      queryClient.setQueryData(importKeys.one(batch.id), committed)
      await queryClient.invalidateQueries({ queryKey: importKeys.history })
    },
    onError: handleError,
  })
  const rowCount = stagedRowsOf(batch)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {batch.errorRowCount > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-error-summary"
          title={t('registerImports.commitBlocked', { count: batch.errorRowCount })}
        />
      )}
      <ImportPreviewTable batch={batch} />
      <Space wrap>
        <Button onClick={onBack}>{t('registerImports.back')}</Button>
        <Button
          icon={<DownloadOutlined />}
          href={importErrorsUrl(batch.id)}
          download
          disabled={batch.errorRowCount === 0}
        >
          {t('registerImports.exportErrors')}
        </Button>
        <Button
          type="primary"
          data-testid="import-commit"
          disabled={batch.errorRowCount > 0 || rowCount === 0}
          loading={commit.isPending}
          onClick={() =>
            modal.confirm({
              title: t('registerImports.commit'),
              content: t('registerImports.commitConfirm', { count: rowCount }),
              onOk: () => commit.mutateAsync(),
            })
          }
        >
          {t('registerImports.commit')}
        </Button>
      </Space>
    </Space>
  )
}

function DoneStep({ batch, onNew }: { batch: RegisterImport; onNew: () => void }) {
  const summary = batch.summary
  return (
    <Result
      status="success"
      title={t('registerImports.committed')}
      subTitle={`${batch.fileName} · ${REGISTER_LIST_TYPE_LABELS[batch.listType]}`}
      extra={
        <Space>
          {summary && summary.queued > 0 && (
            <Link to={`/register-review?importId=${batch.id}`} data-testid="import-to-review">
              <Button type="primary">{t('registerImports.toReview')}</Button>
            </Link>
          )}
          <Button onClick={onNew}>{t('registerImports.newImport')}</Button>
        </Space>
      }
    >
      {summary && (
        <Space size="large" wrap data-testid="import-summary">
          <Statistic title={t('registerImports.summaryCreated')} value={summary.created} />
          <Statistic title={t('registerImports.summaryLinked')} value={summary.linked} />
          <Statistic title={t('registerImports.summaryUpdated')} value={summary.updated} />
          <Statistic title={t('registerImports.summaryUnchanged')} value={summary.unchanged} />
          <Statistic title={t('registerImports.summaryQueued')} value={summary.queued} />
        </Space>
      )}
    </Result>
  )
}
