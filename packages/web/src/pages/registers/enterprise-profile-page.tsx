import { ArrowLeftOutlined, MergeCellsOutlined } from '@ant-design/icons'
import {
  IP_CLASS_LABELS,
  IP_LEGAL_STATUS_LABELS,
  IP_TYPES,
  IP_TYPE_LABELS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_STATUS_LABELS,
  PLATFORM_TYPE_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  QUALIFICATION_TYPE_LABELS,
  QUALIFICATION_VALIDITY_LABELS,
  TALENT_KIND_LABELS,
  ipClassOf,
  type EnterpriseIpItem,
  type EnterpriseMember,
  type EnterpriseProfile,
  type EnterpriseProject,
  type EnterpriseQualification,
  type EnterpriseTalent,
  type EnterprisePlatform,
  type FactSource,
  type IpType,
  type QualificationValidity,
} from '@kechuang/core/registers'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Popover,
  Select,
  Table,
  Tabs,
  Tag,
  Timeline,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import { EnterpriseMergeDialog } from './enterprise-merge-dialog'
import { buildYearTable, describeSource, formatFigure } from './enterprise-profile-tables'
import {
  enterpriseIpQueryOptions,
  enterpriseKeys,
  enterpriseProfileQueryOptions,
  splitEnterprise,
} from './enterprise-register.api'
import { EnterpriseVerdictsTab } from '../qualification/enterprise-verdicts-tab'

const NONE = t('common.none')
const VALIDITY_COLORS: Record<QualificationValidity, string> = {
  valid: 'green',
  expired: 'default',
  not_yet_valid: 'gold',
  target: 'purple',
}

/** One enterprise with everything linked to any of its source rows, each fact with its source. */
export function EnterpriseProfilePage() {
  const { id = '' } = useParams()
  const { data: profile, error, refetch } = useQuery(enterpriseProfileQueryOptions(id))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!profile) return <FullPageSpin />
  return <ProfileView profile={profile} />
}

function ProfileView({ profile }: { profile: EnterpriseProfile }) {
  const { can } = useAuth()
  const [isMerging, setIsMerging] = useState(false)
  const canWrite = can('registers:write')
  const memberName = (memberId: string) => profile.members.find((m) => m.id === memberId)?.name ?? memberId
  const current = profile.qualifications.filter((q) => q.validity === 'valid')

  return (
    <PageContainer
      title={
        <Flex gap={8} wrap align="center">
          <span>{profile.name}</span>
          {profile.isSynthetic && <Tag color="orange">{t('enterprises.synthetic')}</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          <Link to="/enterprises">
            <Button icon={<ArrowLeftOutlined />}>{t('enterprises.profile.back')}</Button>
          </Link>
          {canWrite && (
            <Button icon={<MergeCellsOutlined />} onClick={() => setIsMerging(true)}>
              {t('enterprises.profile.merge')}
            </Button>
          )}
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Flex gap={4} wrap style={{ marginBottom: 12 }}>
            {current.length === 0 ? (
              <Typography.Text type="secondary">{t('enterprises.profile.noQualifications')}</Typography.Text>
            ) : (
              uniqueBy(current, (q) => q.type).map((q) => (
                <Tag key={q.id} color="blue">
                  {q.type === 'other' ? q.title : QUALIFICATION_TYPE_LABELS[q.type]}
                </Tag>
              ))
            )}
          </Flex>
          <BasicsDescriptions profile={profile} />
        </Card>
        <Card>
          <Tabs
            items={[
              {
                key: 'years',
                label: t('enterprises.tabs.years'),
                children: <YearsTab profile={profile} memberName={memberName} />,
              },
              {
                key: 'qualifications',
                label: `${t('enterprises.tabs.qualifications')} (${profile.qualifications.length})`,
                children: <QualificationsTab rows={profile.qualifications} memberName={memberName} />,
              },
              {
                key: 'platforms',
                label: `${t('enterprises.tabs.platforms')} (${profile.platforms.length})`,
                children: <PlatformsTab rows={profile.platforms} memberName={memberName} />,
              },
              {
                key: 'ip',
                label: `${t('enterprises.tabs.ip')} (${profile.ip.total})`,
                children: <IpTab profile={profile} memberName={memberName} />,
              },
              {
                key: 'projects',
                label: `${t('enterprises.tabs.projects')} (${profile.projects.length})`,
                children: <ProjectsTab rows={profile.projects} memberName={memberName} />,
              },
              {
                key: 'talents',
                label: `${t('enterprises.tabs.talents')} (${profile.talents.length})`,
                children: <TalentsTab rows={profile.talents} memberName={memberName} />,
              },
              {
                key: 'verdicts',
                label: t('qualification.enterpriseVerdicts.tab'),
                children: <EnterpriseVerdictsTab enterpriseId={profile.id} />,
              },
              {
                key: 'timeline',
                label: t('enterprises.tabs.timeline'),
                children: <TimelineTab profile={profile} />,
              },
              {
                key: 'sources',
                label: t('enterprises.tabs.sources'),
                children: <SourcesTab profile={profile} memberName={memberName} />,
              },
              {
                key: 'members',
                label: `${t('enterprises.tabs.members')} (${profile.members.length})`,
                children: <MembersTab profile={profile} canWrite={canWrite} />,
              },
            ]}
          />
        </Card>
      </Flex>
      {isMerging && (
        <EnterpriseMergeDialog
          enterprise={{ id: profile.id, name: profile.name }}
          onClose={() => setIsMerging(false)}
        />
      )}
    </PageContainer>
  )
}

function BasicsDescriptions({ profile }: { profile: EnterpriseProfile }) {
  const explanation = profile.creditCodeExplanation
  const codeParts = explanation && (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'authority',
          label: t('enterprises.profile.registrationAuthority'),
          children: `${explanation.registrationAuthority ?? NONE} ${explanation.registrationAuthorityLabel ?? ''}`,
        },
        {
          key: 'category',
          label: t('enterprises.profile.organizationCategory'),
          children: `${explanation.organizationCategory ?? NONE} ${explanation.organizationCategoryLabel ?? ''}`,
        },
        {
          key: 'region',
          label: t('enterprises.profile.regionCode'),
          children: explanation.regionCode ?? NONE,
        },
        {
          key: 'org',
          label: t('enterprises.profile.organizationCode'),
          children: explanation.organizationCode ?? NONE,
        },
        {
          key: 'check',
          label: t('enterprises.profile.checkCharacter'),
          children: explanation.checkCharacter ?? NONE,
        },
      ]}
    />
  )
  const formerName = (f: EnterpriseProfile['formerNames'][number]) =>
    `${f.name}（${t('enterprises.profile.formerNamePeriod', {
      from: f.validFrom ?? t('enterprises.profile.unknownDate'),
      to: f.validTo ?? t('enterprises.profile.unknownDate'),
    })}）`
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        {
          key: 'creditCode',
          label: t('enterprises.profile.creditCode'),
          children: profile.creditCode ? (
            <Flex vertical gap={4}>
              <Popover title={t('enterprises.profile.creditCodeParts')} content={codeParts} trigger="click">
                <Typography.Link>{profile.creditCode}</Typography.Link>
              </Popover>
              {explanation?.messages.map((text) => (
                <Typography.Text key={text} type={explanation.isValid ? 'warning' : 'danger'}>
                  {text}
                </Typography.Text>
              ))}
            </Flex>
          ) : (
            t('enterprises.profile.noCreditCode')
          ),
        },
        { key: 'region', label: t('enterprises.profile.region'), children: profile.region?.name ?? NONE },
        { key: 'park', label: t('enterprises.profile.park'), children: profile.park?.name ?? NONE },
        {
          key: 'industry',
          label: t('enterprises.profile.industry'),
          children: [profile.industryCode, profile.industryText].filter(Boolean).join(' ') || NONE,
        },
        {
          key: 'leading',
          label: t('enterprises.profile.leadingIndustry'),
          children: profile.leadingIndustry ?? NONE,
        },
        { key: 'founded', label: t('enterprises.profile.foundedOn'), children: profile.foundedOn ?? NONE },
        {
          key: 'legal',
          label: t('enterprises.profile.legalRepresentative'),
          children: profile.legalRepresentative ?? NONE,
        },
        {
          key: 'aliases',
          label: t('enterprises.profile.aliases'),
          children: profile.aliases.length > 0 ? profile.aliases.join('；') : NONE,
        },
        {
          key: 'former',
          label: t('enterprises.profile.formerNames'),
          children: profile.formerNames.length > 0 ? profile.formerNames.map(formerName).join('；') : NONE,
        },
      ]}
    />
  )
}

type MemberName = (memberId: string) => string

/** The 来源 column every record table ends with: the source, and the member row it hangs on. */
function sourceColumn<T extends { memberId: string; source: FactSource }>(memberName: MemberName) {
  return {
    title: t('enterprises.sources.source'),
    key: 'source',
    render: (_: unknown, row: T) => (
      <Tooltip title={`${t('enterprises.sources.record')}：${memberName(row.memberId)}`}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {describeSource(row.source)}
        </Typography.Text>
      </Tooltip>
    ),
  }
}

function YearsTab({ profile, memberName }: { profile: EnterpriseProfile; memberName: MemberName }) {
  const table = buildYearTable(profile.years, profile.id)
  if (table.years.length === 0) return <Empty description={t('enterprises.years.empty')} />
  type Row = (typeof table.rows)[number]
  const columns: TableColumnsType<Row> = [
    { title: t('enterprises.years.field'), key: 'field', fixed: 'start', render: (_, row) => row.label },
    ...table.years.map((year) => ({
      title: (
        <Tooltip
          title={table.sources[year]
            ?.map((s) => `${memberName(s.memberId)}：${describeSource(s.source)}`)
            .join('\n')}
        >
          <span>{year}</span>
        </Tooltip>
      ),
      key: String(year),
      align: 'end' as const,
      render: (_: unknown, row: Row) => formatFigure(row.values[year] ?? null),
    })),
  ]
  return (
    <Table<Row>
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={table.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  )
}

function QualificationsTab({
  rows,
  memberName,
}: {
  rows: EnterpriseQualification[]
  memberName: MemberName
}) {
  const columns: TableColumnsType<EnterpriseQualification> = [
    {
      title: t('enterprises.qualifications.type'),
      key: 'type',
      render: (_, q) => QUALIFICATION_TYPE_LABELS[q.type],
    },
    { title: t('enterprises.qualifications.title'), key: 'title', render: (_, q) => q.title },
    { title: t('enterprises.qualifications.number'), key: 'number', render: (_, q) => q.number ?? NONE },
    {
      title: t('enterprises.qualifications.period'),
      key: 'period',
      render: (_, q) =>
        q.validFrom || q.validTo
          ? `${q.validFrom ?? ''} ~ ${q.validTo ?? ''}`
          : q.year !== null
            ? t('enterprises.qualifications.year', { year: q.year })
            : NONE,
    },
    {
      title: t('enterprises.qualifications.level'),
      key: 'level',
      render: (_, q) => (q.level ? PLATFORM_LEVEL_LABELS[q.level] : NONE),
    },
    {
      title: t('enterprises.qualifications.validity'),
      key: 'validity',
      render: (_, q) => (
        <Tag color={VALIDITY_COLORS[q.validity]}>{QUALIFICATION_VALIDITY_LABELS[q.validity]}</Tag>
      ),
    },
    sourceColumn<EnterpriseQualification>(memberName),
  ]
  return <RecordTable rows={rows} columns={columns} />
}

function PlatformsTab({ rows, memberName }: { rows: EnterprisePlatform[]; memberName: MemberName }) {
  const columns: TableColumnsType<EnterprisePlatform> = [
    { title: t('enterprises.platforms.name'), key: 'name', render: (_, p) => p.name },
    { title: t('enterprises.platforms.type'), key: 'type', render: (_, p) => PLATFORM_TYPE_LABELS[p.type] },
    {
      title: t('enterprises.platforms.level'),
      key: 'level',
      render: (_, p) => (p.level ? PLATFORM_LEVEL_LABELS[p.level] : NONE),
    },
    {
      title: t('enterprises.platforms.status'),
      key: 'status',
      render: (_, p) => PLATFORM_STATUS_LABELS[p.status],
    },
    {
      title: t('enterprises.platforms.role'),
      key: 'role',
      render: (_, p) => t(p.role === 'host' ? 'enterprises.platforms.host' : 'enterprises.platforms.partner'),
    },
    {
      title: t('enterprises.platforms.approvedOn'),
      key: 'approvedOn',
      render: (_, p) => p.approvedOn ?? NONE,
    },
    sourceColumn<EnterprisePlatform>(memberName),
  ]
  return <RecordTable rows={rows} columns={columns} />
}

function IpTab({ profile, memberName }: { profile: EnterpriseProfile; memberName: MemberName }) {
  const [type, setType] = useState<IpType | undefined>()
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const { data, error, refetch, isFetching } = useQuery(
    enterpriseIpQueryOptions(profile.id, { ...paging, type }),
  )
  const byClass = { I: 0, II: 0 }
  let granted = 0
  for (const row of profile.ip.byType) {
    const ipClass = ipClassOf(row.type)
    if (ipClass) byClass[ipClass] += row.count
    if (row.legalStatus === 'granted') granted += row.count
  }
  const columns: TableColumnsType<EnterpriseIpItem> = [
    {
      title: t('enterprises.ip.type'),
      key: 'type',
      render: (_, ip) =>
        `${IP_TYPE_LABELS[ip.type]}${ip.ipClass ? `（${IP_CLASS_LABELS[ip.ipClass]}）` : ''}`,
    },
    { title: t('enterprises.ip.number'), key: 'number', render: (_, ip) => ip.number },
    { title: t('enterprises.ip.title'), key: 'title', render: (_, ip) => ip.title },
    { title: t('enterprises.ip.appliedOn'), key: 'appliedOn', render: (_, ip) => ip.appliedOn ?? NONE },
    { title: t('enterprises.ip.grantedOn'), key: 'grantedOn', render: (_, ip) => ip.grantedOn ?? NONE },
    {
      title: t('enterprises.ip.legalStatus'),
      key: 'legalStatus',
      render: (_, ip) => IP_LEGAL_STATUS_LABELS[ip.legalStatus],
    },
    sourceColumn<EnterpriseIpItem>(memberName),
  ]
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Tag>{t('enterprises.ip.total', { total: profile.ip.total })}</Tag>
        <Tag color="blue">{t('enterprises.ip.classI', { count: byClass.I })}</Tag>
        <Tag color="cyan">{t('enterprises.ip.classII', { count: byClass.II })}</Tag>
        <Tag color="green">{t('enterprises.ip.granted', { count: granted })}</Tag>
        <Select<IpType>
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('enterprises.ip.allTypes')}
          aria-label={t('enterprises.ip.type')}
          value={type}
          onChange={(value) => {
            setType(value)
            setPaging((current) => ({ ...current, page: 1 }))
          }}
          options={IP_TYPES.map((value) => ({ value, label: IP_TYPE_LABELS[value] }))}
        />
      </Flex>
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<EnterpriseIpItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? (type ? [] : profile.ip.latest)}
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? profile.ip.total,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Flex>
  )
}

function ProjectsTab({ rows, memberName }: { rows: EnterpriseProject[]; memberName: MemberName }) {
  const columns: TableColumnsType<EnterpriseProject> = [
    { title: t('enterprises.projects.name'), key: 'name', render: (_, p) => p.name },
    { title: t('enterprises.projects.kind'), key: 'kind', render: (_, p) => PROJECT_KIND_LABELS[p.kind] },
    { title: t('enterprises.projects.number'), key: 'number', render: (_, p) => p.number ?? NONE },
    {
      title: t('enterprises.projects.amount'),
      key: 'amount',
      align: 'end',
      render: (_, p) => formatFigure(p.amountWanYuan),
    },
    {
      title: t('enterprises.projects.period'),
      key: 'period',
      render: (_, p) => (p.startedOn || p.endedOn ? `${p.startedOn ?? ''} ~ ${p.endedOn ?? ''}` : NONE),
    },
    {
      title: t('enterprises.projects.status'),
      key: 'status',
      render: (_, p) => PROJECT_STATUS_LABELS[p.status],
    },
    sourceColumn<EnterpriseProject>(memberName),
  ]
  return <RecordTable rows={rows} columns={columns} />
}

function TalentsTab({ rows, memberName }: { rows: EnterpriseTalent[]; memberName: MemberName }) {
  const { can } = useAuth()
  const columns: TableColumnsType<EnterpriseTalent> = [
    { title: t('enterprises.talents.name'), key: 'name', render: (_, p) => p.name },
    { title: t('enterprises.talents.kind'), key: 'kind', render: (_, p) => TALENT_KIND_LABELS[p.kind] },
    { title: t('enterprises.talents.idNumber'), key: 'idNumber', render: (_, p) => p.idNumber ?? NONE },
    { title: t('enterprises.talents.phone'), key: 'phone', render: (_, p) => p.phone ?? NONE },
    { title: t('enterprises.talents.title'), key: 'title', render: (_, p) => p.title ?? NONE },
    { title: t('enterprises.talents.field'), key: 'field', render: (_, p) => p.field ?? NONE },
    sourceColumn<EnterpriseTalent>(memberName),
  ]
  return (
    <Flex vertical gap={8}>
      {!can('talents:personal') && rows.length > 0 && (
        <Typography.Text type="secondary">{t('enterprises.talents.masked')}</Typography.Text>
      )}
      <RecordTable rows={rows} columns={columns} />
    </Flex>
  )
}

function TimelineTab({ profile }: { profile: EnterpriseProfile }) {
  if (profile.timeline.length === 0) return <Empty description={t('enterprises.timeline.empty')} />
  return (
    <Timeline
      items={profile.timeline.map((event, index) => ({
        key: `${event.date}-${index}`,
        color: event.kind === 'merge' || event.kind === 'split' ? 'gray' : 'blue',
        title: event.date,
        content: (
          <Flex vertical gap={2}>
            <span>{event.title}</span>
            {event.source && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describeSource(event.source)}
              </Typography.Text>
            )}
          </Flex>
        ),
      }))}
    />
  )
}

function SourcesTab({ profile, memberName }: { profile: EnterpriseProfile; memberName: MemberName }) {
  type Fact = EnterpriseProfile['facts'][number]
  const columns: TableColumnsType<Fact> = [
    { title: t('enterprises.sources.fact'), key: 'text', render: (_, f) => f.text },
    sourceColumn<Fact>(memberName),
  ]
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={1}
        items={profile.members.map((member) => ({
          key: member.id,
          label: member.name,
          children: describeSource(member.source),
        }))}
      />
      <Table<Fact>
        rowKey={(f) => `${f.memberId}-${f.text}`}
        size="small"
        columns={columns}
        dataSource={profile.facts}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Flex>
  )
}

function MembersTab({ profile, canWrite }: { profile: EnterpriseProfile; canWrite: boolean }) {
  const [markDistinct, setMarkDistinct] = useState(false)
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const split = useMutation({
    mutationFn: (member: EnterpriseMember) =>
      splitEnterprise(profile.id, { memberIds: [member.id], markDistinct }),
    onSuccess: async (result, member) => {
      void message.success(t('enterprises.members.splitDone'))
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all })
      // Splitting off the canonical row gives the rest a new id: follow the rows that stayed.
      const stayed = profile.members.find((m) => m.id !== member.id)!
      const cluster = result.clusters.find((c) => c.memberIds.includes(stayed.id))
      if (cluster && cluster.id !== profile.id) void navigate(`/enterprises/${cluster.id}`)
    },
    onError: handleError,
  })
  const columns: TableColumnsType<EnterpriseMember> = [
    {
      title: t('enterprises.columns.name'),
      key: 'name',
      render: (_, m) => (
        <Flex gap={4} wrap align="center">
          <span>{m.name}</span>
          {m.isCanonical && <Tag color="blue">{t('enterprises.members.canonical')}</Tag>}
          {m.isSynthetic && <Tag color="orange">{t('enterprises.synthetic')}</Tag>}
        </Flex>
      ),
    },
    { title: t('enterprises.columns.creditCode'), key: 'creditCode', render: (_, m) => m.creditCode ?? NONE },
    { title: t('enterprises.columns.region'), key: 'region', render: (_, m) => m.regionName ?? NONE },
    {
      title: t('enterprises.tabs.sources'),
      key: 'links',
      render: (_, m) => (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {describeSource(m.source)}
          </Typography.Text>
          {m.links.map((link) => (
            <Typography.Text key={link.otherId} type="secondary" style={{ fontSize: 12 }}>
              {t('enterprises.members.linkedBy', {
                user: link.userName,
                date: dayjs(link.createdAt).format('YYYY-MM-DD'),
              })}
              {link.reason ? `（${link.reason}）` : ''}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
  ]
  if (canWrite && profile.members.length > 1) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, member) => (
        <Popconfirm
          title={t('enterprises.members.splitConfirm', { name: member.name })}
          description={
            <Flex vertical gap={8} style={{ maxWidth: 320 }}>
              <span>{t('enterprises.members.splitHint')}</span>
              <Checkbox checked={markDistinct} onChange={(event) => setMarkDistinct(event.target.checked)}>
                {t('enterprises.members.markDistinct')}
              </Checkbox>
            </Flex>
          }
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => split.mutate(member)}
        >
          <Button
            type="link"
            size="small"
            danger
            loading={split.isPending && split.variables?.id === member.id}
          >
            {t('enterprises.members.split')}
          </Button>
        </Popconfirm>
      ),
    })
  }
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('enterprises.members.hint')} />
      <Table<EnterpriseMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={profile.members}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Flex>
  )
}

function RecordTable<T extends { id: string }>({
  rows,
  columns,
}: {
  rows: T[]
  columns: TableColumnsType<T>
}) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > PAGE_SIZE_DEFAULT ? { pageSize: PAGE_SIZE_DEFAULT } : false}
      scroll={{ x: 'max-content' }}
    />
  )
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
