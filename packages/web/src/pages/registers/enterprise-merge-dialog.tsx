import type { EnterpriseMergePreview, RecordCounts } from '@kechuang/core/registers'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Card, Descriptions, Flex, Input, Modal, Select, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import {
  enterpriseKeys,
  enterprisesQueryOptions,
  mergeEnterprises,
  previewMerge,
} from './enterprise-register.api'

// Candidates shown while searching: enough to pick from, few enough for a phone.
const SEARCH_PAGE_SIZE = 10

/**
 * 合并企业 from a profile: search another enterprise, see what moves (the server's dry run), then confirm.
 * The merged enterprise keeps the id the canonical rule picks, so the page moves to it afterwards.
 */
export function EnterpriseMergeDialog({
  enterprise,
  onClose,
}: {
  enterprise: { id: string; name: string }
  onClose: () => void
}) {
  const [searchText, setSearchText] = useState('')
  const [fromId, setFromId] = useState<string | undefined>()
  const [reason, setReason] = useState('')
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const navigate = useNavigate()

  const candidates = useQuery({
    ...enterprisesQueryOptions({ q: searchText, pageSize: SEARCH_PAGE_SIZE, sort: 'name', order: 'asc' }),
    enabled: searchText.trim() !== '',
  })
  const preview = useQuery({
    queryKey: ['enterprises', 'merge-preview', enterprise.id, fromId],
    queryFn: () => previewMerge({ intoId: enterprise.id, fromId: fromId! }),
    enabled: fromId !== undefined,
    retry: false,
  })
  const merge = useMutation({
    mutationFn: () =>
      mergeEnterprises({ intoId: enterprise.id, fromId: fromId!, reason: reason.trim() || null }),
    onSuccess: async (result) => {
      void message.success(t('enterprises.mergeDialog.done'))
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all })
      onClose()
      const merged = result.clusters[0]
      if (merged && merged.id !== enterprise.id) void navigate(`/enterprises/${merged.id}`)
    },
    onError: handleError,
  })

  const options = (candidates.data?.items ?? [])
    .filter((item) => item.id !== enterprise.id)
    .map((item) => ({
      value: item.id,
      label: item.creditCode ? `${item.name}（${item.creditCode}）` : item.name,
    }))

  return (
    <Modal
      open
      title={t('enterprises.mergeDialog.title')}
      okText={t('enterprises.mergeDialog.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => merge.mutate()}
      okButtonProps={{ disabled: !preview.data?.canMerge, loading: merge.isPending, danger: true }}
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearchText }}
          allowClear
          style={{ width: '100%' }}
          placeholder={t('enterprises.mergeDialog.searchHint')}
          aria-label={t('enterprises.mergeDialog.search')}
          value={fromId}
          onChange={(value) => setFromId(value)}
          notFoundContent={candidates.isFetching ? <Spin size="small" /> : null}
          options={options}
        />
        {preview.error && <QueryError error={preview.error} onRetry={() => void preview.refetch()} />}
        {preview.isFetching && <Spin />}
        {preview.data && !preview.isFetching && <MergePreview preview={preview.data} />}
        {preview.data?.canMerge && (
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('enterprises.mergeDialog.reasonPlaceholder')}
            aria-label={t('enterprises.mergeDialog.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Flex>
    </Modal>
  )
}

function MergePreview({ preview }: { preview: EnterpriseMergePreview }) {
  const counts = (c: RecordCounts) => t('enterprises.mergeDialog.counts', { ...c })
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('enterprises.mergeDialog.preview')}</Typography.Text>
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'into',
              label: t('enterprises.mergeDialog.into'),
              children: (
                <Flex vertical>
                  <span>{preview.into.name}</span>
                  <Typography.Text type="secondary">{counts(preview.into.counts)}</Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'from',
              label: t('enterprises.mergeDialog.from'),
              children: (
                <Flex vertical>
                  <span>{preview.from.name}</span>
                  <Typography.Text type="secondary">{counts(preview.from.counts)}</Typography.Text>
                </Flex>
              ),
            },
            {
              key: 'resulting',
              label: t('enterprises.mergeDialog.resultingId'),
              children: <Typography.Text code>{preview.resultingId}</Typography.Text>,
            },
          ]}
        />
      </Card>
      {preview.canMerge ? (
        <Alert type="info" showIcon title={t('enterprises.mergeDialog.reversible')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('enterprises.mergeDialog.blocked')}
          description={preview.blockReason}
        />
      )}
    </Flex>
  )
}
