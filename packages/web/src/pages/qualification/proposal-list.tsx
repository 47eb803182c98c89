import {
  PROPOSAL_STATUSES,
  PROPOSAL_STATUS_LABELS,
  type Proposal,
  type ProposalStatus,
  type ScreeningSummary,
} from '@kechuang/core/qualification'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useQuery } from '@tanstack/react-query'
import { App, Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'
import { ProposalDecisionModal, type ProposalDecision } from './proposal-decision-modal'
import { proposalsQueryOptions } from './proposal-decisions.api'

const NONE = t('common.none')
const ALL = 'all'
const STATUS_COLORS: Record<ProposalStatus, string> = {
  pending: 'blue',
  accepted: 'green',
  rejected: 'default',
}
// Where an accepted proposal lands (五库 page, 高企后备库 tab).
const HNTE_RESERVE_PATH = '/libraries?library=hnte_reserve'

/** A run's proposals to the 高企后备库, by status; staff with qualification:screen accept or reject them. */
export function ProposalList({ summary, canDecide }: { summary: ScreeningSummary; canDecide: boolean }) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const isMobile = useIsMobile()
  const [status, setStatus] = useState<ProposalStatus | typeof ALL>('pending')
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const [decision, setDecision] = useState<ProposalDecision | null>(null)
  const { data, error, refetch, isFetching } = useQuery(
    proposalsQueryOptions(summary.id, { status: status === ALL ? undefined : status, ...paging }),
  )

  function handleDecided(decided: Proposal) {
    setDecision(null)
    if (decided.status !== 'accepted') {
      void message.success(t('qualificationScreening.proposals.rejected'))
      return
    }
    const key = `accepted-${decided.id}`
    void message.success({
      key,
      duration: 8,
      content: (
        <span>
          {t('qualificationScreening.proposals.accepted', { name: decided.enterpriseName })}
          <Button
            type="link"
            size="small"
            onClick={() => {
              message.destroy(key)
              void navigate(HNTE_RESERVE_PATH)
            }}
          >
            {t('qualificationScreening.proposals.openLibrary')}
          </Button>
        </span>
      ),
    })
  }

  const counts = summary.proposals
  const total = counts.pending + counts.accepted + counts.rejected
  const columns: TableColumnsType<Proposal> = [
    {
      title: t('qualificationScreening.proposals.rank'),
      dataIndex: 'rank',
      key: 'rank',
      align: 'right',
      width: 64,
    },
    {
      title: t('qualificationScreening.proposals.enterprise'),
      key: 'enterprise',
      fixed: isMobile ? undefined : 'start',
      render: (_, row) => (
        <Link to={`/enterprises/${row.enterpriseId}`} style={{ display: 'inline-block', minWidth: 160 }}>
          {row.enterpriseName}
        </Link>
      ),
    },
    {
      title: t('qualificationScreening.proposals.region'),
      key: 'region',
      render: (_, row) => row.regionName ?? NONE,
    },
    {
      title: t('qualificationScreening.proposals.reason'),
      key: 'reason',
      render: (_, row) => <div style={{ minWidth: 240, maxWidth: 480 }}>{row.reason}</div>,
    },
    {
      title: t('qualificationScreening.proposals.status'),
      key: 'status',
      render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{PROPOSAL_STATUS_LABELS[row.status]}</Tag>,
    },
    {
      title: t('qualificationScreening.proposals.decision'),
      key: 'decision',
      render: (_, row) =>
        row.status === 'pending' ? (
          NONE
        ) : (
          <Flex vertical gap={2} style={{ minWidth: 160, maxWidth: 320 }}>
            {row.decisionReason && <span>{row.decisionReason}</span>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('qualificationScreening.proposals.decidedBy', {
                user: row.decidedBy ?? NONE,
                time: row.decidedAt ? new Date(row.decidedAt).toLocaleString('zh-CN') : NONE,
              })}
            </Typography.Text>
          </Flex>
        ),
    },
  ]
  if (canDecide) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) =>
        row.status === 'pending' && (
          <Flex gap={4}>
            <Button type="link" size="small" onClick={() => setDecision({ action: 'accept', proposal: row })}>
              {t('qualificationScreening.proposals.accept')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setDecision({ action: 'reject', proposal: row })}
            >
              {t('qualificationScreening.proposals.reject')}
            </Button>
          </Flex>
        ),
    })
  }

  const countLabel = (label: string, count: number) =>
    t('qualificationScreening.proposals.statusCount', { label, count })
  return (
    <>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<ProposalStatus | typeof ALL>
          value={status}
          onChange={(value) => {
            setStatus(value)
            setPaging((current) => ({ ...current, page: 1 }))
          }}
          options={[
            ...PROPOSAL_STATUSES.map((value) => ({
              value,
              label: countLabel(PROPOSAL_STATUS_LABELS[value], counts[value]),
            })),
            { value: ALL, label: countLabel(t('qualificationScreening.proposals.statusAll'), total) },
          ]}
        />
      </div>
      <Table<Proposal>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('qualificationScreening.proposals.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          simple: isMobile,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {decision && (
        <ProposalDecisionModal
          decision={decision}
          onDecided={handleDecided}
          onClose={() => setDecision(null)}
        />
      )}
    </>
  )
}
