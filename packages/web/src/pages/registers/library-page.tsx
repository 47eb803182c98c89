import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { LIBRARIES, type Library, type LibraryMember, type LibraryViewName } from '@kechuang/core/registers'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Segmented,
  Table,
  Tabs,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { LibraryCurationModal, type CurationTarget } from './library-curation-modal'
import { memberReasons } from './library-member-reasons'
import {
  libraryExportUrl,
  libraryKeys,
  libraryMembersQueryOptions,
  librarySummariesQueryOptions,
  withdrawCuration,
} from './library-members.api'
import { serverPagination } from '../../components/table-pagination/server-pagination'

const isLibrary = (value: string | null): value is Library => LIBRARIES.includes(value as Library)
const REASON_COLORS = { rule: 'blue', add: 'green', remove: 'red' } as const

/** 五库: one tab per 库 (?library=…), each a server-side list with the rule, reasons and manual curation. */
export function LibraryPage() {
  const [params, setParams] = useSearchParams()
  const { data: summaries, error, refetch } = useQuery(librarySummariesQueryOptions)
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!summaries) return <FullPageSpin />
  const requested = params.get('library')
  const library = isLibrary(requested) ? requested : LIBRARIES[0]
  return (
    <PageContainer title={t('libraries.title')}>
      <Tabs
        activeKey={library}
        onChange={(key) => setParams({ library: key })}
        items={summaries.map((summary) => ({ key: summary.library, label: summary.label }))}
      />
      {/* A fresh tab state per library, so filters and paging never carry over. */}
      <LibraryTab
        key={library}
        library={library}
        rule={summaries.find((s) => s.library === library)?.rule ?? ''}
      />
    </PageContainer>
  )
}

function LibraryTab({ library, rule }: { library: Library; rule: string }) {
  const { can } = useAuth()
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>()
  const [searchText, setSearchText] = useState('')
  const [q, setQ] = useState<string | undefined>()
  const [view, setView] = useState<Exclude<LibraryViewName, 'candidates'>>('members')
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const [curation, setCuration] = useState<CurationTarget | null>(null)
  const filters = { orgUnitId, q, view }
  const { data, error, refetch, isFetching } = useQuery(
    libraryMembersQueryOptions(library, { ...filters, ...paging }),
  )
  const canWrite = can('registers:write')

  const withdraw = useMutation({
    mutationFn: (curationId: string) => withdrawCuration(library, curationId),
    onSuccess: async () => {
      void message.success(t('libraries.withdrawn'))
      await queryClient.invalidateQueries({ queryKey: libraryKeys.all })
    },
    onError: handleError,
  })

  function updateFilters(change: () => void) {
    change()
    setPaging((current) => ({ ...current, page: 1 }))
  }

  const columns: TableColumnsType<LibraryMember> = [
    {
      title: t('libraries.name'),
      key: 'name',
      width: 240,
      render: (_, member) => (
        <Flex vertical>
          <span>{member.name}</span>
          {member.detail && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {member.detail}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('libraries.regionName'), key: 'region', render: (_, m) => m.regionName ?? t('common.none') },
    {
      title: t('libraries.reason'),
      key: 'reason',
      render: (_, member) => (
        <Flex vertical gap={4}>
          {memberReasons(member).map((reason) => (
            <div key={reason.kind}>
              <Tag color={REASON_COLORS[reason.kind]}>{reason.label}</Tag>
              <span>{reason.text}</span>
              {reason.by && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                  {reason.by}
                </Typography.Text>
              )}
            </div>
          ))}
        </Flex>
      ),
    },
  ]
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, member) =>
        member.curation ? (
          <Popconfirm
            title={t('libraries.withdrawConfirm', { name: member.name })}
            description={t('libraries.withdrawHint')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => withdraw.mutate(member.curation!.id)}
          >
            <Button type="link" size="small">
              {t('libraries.withdraw')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setCuration({ action: 'remove', memberId: member.memberId, name: member.name })}
          >
            {t('libraries.remove')}
          </Button>
        ),
    })
  }

  return (
    <>
      <Alert
        type="info"
        showIcon
        title={t('libraries.ruleTitle')}
        description={rule}
        style={{ marginBottom: 16 }}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card
        extra={
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} href={libraryExportUrl(library, filters)}>
              {t('libraries.export')}
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCuration({ action: 'add' })}>
                {t('libraries.add')}
              </Button>
            )}
          </Flex>
        }
        title={data ? t('libraries.asOf', { date: data.asOf }) : null}
      >
        <div className="list-filters">
          <Input.Search
            allowClear
            placeholder={t('libraries.searchPlaceholder')}
            aria-label={t('libraries.searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateFilters(() => setQ(value.trim() || undefined))}
          />
          <OrgUnitTreeSelect
            allowClear
            aria-label={t('libraries.region')}
            placeholder={t('libraries.regionPlaceholder')}
            value={orgUnitId ?? null}
            onChange={(id) => updateFilters(() => setOrgUnitId(id))}
          />
          <Segmented<Exclude<LibraryViewName, 'candidates'>>
            value={view}
            onChange={(value) => updateFilters(() => setView(value))}
            options={[
              { value: 'members', label: t('libraries.viewMembers') },
              { value: 'removed', label: t('libraries.viewRemoved') },
            ]}
          />
        </div>
        <Table<LibraryMember>
          rowKey="memberId"
          size="small"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('libraries.empty') }}
          pagination={serverPagination(paging, data?.total, setPaging)}
        />
      </Card>
      {curation && (
        <LibraryCurationModal library={library} target={curation} onClose={() => setCuration(null)} />
      )}
    </>
  )
}
