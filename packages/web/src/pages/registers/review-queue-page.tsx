import { DownloadOutlined } from '@ant-design/icons'
import {
  IMPORT_COLUMNS,
  REGISTER_LIST_TYPE_LABELS,
  REVIEW_STATUSES,
  type ImportCandidate,
  type ReviewItem,
  type ReviewStatus,
} from '@kechuang/core/registers'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t, type MessageKey } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import {
  acceptReviewItem,
  rejectReviewItem,
  reviewExportUrl,
  reviewQueryOptions,
  searchEnterprises,
} from './import-lists.api'

const STATUS_KEYS: Record<ReviewStatus, MessageKey> = {
  pending: 'registerImports.review.statusPending',
  accepted: 'registerImports.review.statusAccepted',
  created: 'registerImports.review.statusCreated',
  rejected: 'registerImports.review.statusRejected',
}

const percent = (probability: number) => Math.round(probability * 100)

/** 待确认匹配: the records the linker could not place, most uncertain first, each beside its candidates. */
export function ReviewQueuePage() {
  const [searchParams] = useSearchParams()
  const importId = searchParams.get('importId')
  const [status, setStatus] = useState<ReviewStatus>('pending')
  const items = useQuery(reviewQueryOptions(status, importId))
  return (
    <PageContainer
      title={t('registerImports.review.title')}
      extra={
        <Space>
          <Select<ReviewStatus>
            aria-label={t('registerImports.review.status')}
            value={status}
            onChange={setStatus}
            options={REVIEW_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
            style={{ width: 120 }}
          />
          <Button icon={<DownloadOutlined />} href={reviewExportUrl()} download>
            {t('registerImports.review.export')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('registerImports.review.hint')}</Typography.Paragraph>
      {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
      {items.data?.items.length === 0 && <Empty description={t('registerImports.review.empty')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {items.data?.items.map((item) => (
          <ReviewCard key={item.id} item={item} />
        ))}
      </Space>
    </PageContainer>
  )
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const [isRejecting, setIsRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const [options, setOptions] = useState<{ value: string; label: string }[]>([])
  const done = async (text: string) => {
    void message.success(text)
    await queryClient.invalidateQueries({ queryKey: ['register-review'] })
  }
  const accept = useMutation({
    mutationFn: (enterpriseId: string) => acceptReviewItem(item.id, enterpriseId),
    onSuccess: () => done(t('registerImports.review.accepted')),
    onError: handleError,
  })
  const reject = useMutation({
    mutationFn: () => rejectReviewItem(item.id, reason),
    onSuccess: async () => {
      setIsRejecting(false)
      await done(t('registerImports.review.rejected'))
    },
    onError: handleError,
  })
  const search = async (q: string) => {
    if (q.trim() === '') return
    try {
      const found = await searchEnterprises(q)
      setOptions(
        found.map((e) => ({ value: e.id, label: e.creditCode ? `${e.name}（${e.creditCode}）` : e.name })),
      )
    } catch (error) {
      handleError(error)
    }
  }
  const isPending = item.status === 'pending'
  const columns = IMPORT_COLUMNS[item.listType]

  return (
    <Card
      data-testid="review-item"
      aria-label={item.subjectName}
      title={
        <Space wrap>
          <Typography.Text strong>{item.subjectName}</Typography.Text>
          <Tag>{REGISTER_LIST_TYPE_LABELS[item.listType]}</Tag>
          <Tag color={isPending ? 'orange' : 'green'}>{t(STATUS_KEYS[item.status])}</Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {t('registerImports.review.source', { file: item.importFileName, row: item.rowNumber })}
        </Typography.Text>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Typography.Title level={5}>{t('registerImports.review.incoming')}</Typography.Title>
          <Descriptions size="small" column={1} bordered>
            {columns
              .filter((c) => item.values[c.key])
              .map((c) => (
                <Descriptions.Item key={c.key} label={c.header}>
                  {item.values[c.key]}
                </Descriptions.Item>
              ))}
          </Descriptions>
        </Col>
        <Col xs={24} lg={16}>
          <Table<ImportCandidate>
            size="small"
            rowKey="enterpriseId"
            pagination={false}
            aria-label={t('registerImports.review.candidateName')}
            locale={{ emptyText: t('registerImports.review.noCandidates') }}
            dataSource={item.candidates}
            columns={[
              { title: t('registerImports.review.candidateName'), dataIndex: 'name', key: 'name' },
              { title: t('registerImports.review.creditCode'), dataIndex: 'creditCode', key: 'creditCode' },
              {
                title: t('registerImports.review.regionCode'),
                dataIndex: 'regionCode',
                key: 'regionCode',
                width: 90,
              },
              {
                title: t('registerImports.review.probability'),
                key: 'probability',
                width: 120,
                render: (_, c) => <Progress percent={percent(c.probability)} size="small" />,
              },
              {
                title: t('registerImports.review.explanation'),
                key: 'explanation',
                render: (_, c) => (
                  <Flex wrap gap={4}>
                    {c.explanation.map((term) => (
                      <Tag key={term.label} color={term.weight >= 0 ? 'green' : 'red'}>
                        {term.label}（{term.weight >= 0 ? '+' : ''}
                        {term.weight.toFixed(1)}）
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
              {
                title: '',
                key: 'accept',
                width: 110,
                render: (_, c, index) =>
                  isPending && (
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`review-accept-${index}`}
                      loading={accept.isPending && accept.variables === c.enterpriseId}
                      onClick={() => accept.mutate(c.enterpriseId)}
                    >
                      {t('registerImports.review.accept')}
                    </Button>
                  ),
              },
            ]}
          />
          {isPending && (
            <Space wrap style={{ marginTop: 12 }}>
              <Select
                showSearch={{ filterOption: false, onSearch: (q: string) => void search(q) }}
                style={{ minWidth: 320 }}
                aria-label={t('registerImports.review.pickOther')}
                placeholder={t('registerImports.review.pickPlaceholder')}
                value={picked ?? undefined}
                options={options}
                onChange={(value: string) => setPicked(value)}
              />
              <Button
                disabled={!picked}
                loading={accept.isPending}
                onClick={() => picked && accept.mutate(picked)}
              >
                {t('registerImports.review.pickConfirm')}
              </Button>
              <Button danger data-testid="review-reject" onClick={() => setIsRejecting(true)}>
                {t('registerImports.review.reject')}
              </Button>
            </Space>
          )}
          {!isPending && item.decidedByName && item.decidedAt && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('registerImports.review.decidedBy', {
                name: item.decidedByName,
                at: new Date(item.decidedAt).toLocaleString('zh-CN'),
              })}
              {item.reason ? `：${item.reason}` : ''}
            </Typography.Paragraph>
          )}
        </Col>
      </Row>
      <Modal
        open={isRejecting}
        title={t('registerImports.review.rejectTitle')}
        okButtonProps={{ disabled: reason.trim() === '', loading: reject.isPending }}
        onOk={() => reject.mutate()}
        onCancel={() => setIsRejecting(false)}
      >
        <Typography.Paragraph type="secondary">{t('registerImports.review.rejectHint')}</Typography.Paragraph>
        <Input.TextArea
          aria-label={t('registerImports.review.rejectReason')}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
      </Modal>
    </Card>
  )
}
