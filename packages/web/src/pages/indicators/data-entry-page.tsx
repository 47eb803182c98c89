import { HistoryOutlined, SaveOutlined } from '@ant-design/icons'
import { ObservationInput, type IndicatorView, type PlanDetail } from '@kechuang/core/indicators'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useParams } from 'react-router'
import { useAuth } from '../../app/auth-provider'
import { FullPageSpin } from '../../app/full-page-spin'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { describeError } from '../../lib/api-client'
import { useIsMobile } from '../../lib/use-is-mobile'
import { orgUnitsQueryOptions } from '../org-units/org-units.api'
import {
  draftFrom,
  enterableIndicators,
  isDraftChanged,
  toObservationInput,
  type EntryDraft,
} from './entry-drafts'
import {
  adoptRegisterValue,
  indicatorKeys,
  planQueryOptions,
  registerValuesQueryOptions,
  reportObservation,
} from './indicators.api'
import { PeriodLockButton } from './period-lock-button'
import { PlanContextBar, usePlanSearchParams } from './plan-context-bar'
import { PlanDownloadButtons } from './plan-download-buttons'
import { formatIndicatorValue, printedTarget } from './plan-table-rows'
import { defaultPlanYear, planYears } from './pick-default-plan'
import { RevisionsDrawer } from './revisions-drawer'
import { useTemplateUpload } from './use-template-upload'

/** 数据填报: a unit's values for one year, typed in or uploaded from the template, then locked by the bureau. */
export function DataEntryPage() {
  const { planId = '' } = useParams()
  const context = usePlanSearchParams()
  const { data: plan, error, refetch } = useQuery(planQueryOptions(planId, context.orgUnitId))
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!plan) return <FullPageSpin />
  const year = context.year ?? defaultPlanYear(plan)
  return (
    <PageContainer title={t('entry.pageTitle', { plan: plan.name })}>
      <PlanContextBar
        regionOrgUnitId={plan.regionOrgUnitId}
        orgUnitId={plan.valuesOrgUnit.id}
        year={year}
        years={planYears(plan)}
        onChange={context.update}
        unitLabel={t('entry.orgUnit')}
        yearLabel={t('entry.year')}
      />
      {/* A fresh form for each unit and year, so typed values never carry over to another one. */}
      <EntryForm key={`${plan.valuesOrgUnit.id}-${year}`} plan={plan} year={year} />
    </PageContainer>
  )
}

type RowResult = { isSaved: true } | { isSaved: false; message: string }

function EntryForm({ plan, year }: { plan: PlanDetail; year: number }) {
  const { can } = useAuth()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const isMobile = useIsMobile()
  const { data: units } = useQuery(orgUnitsQueryOptions)
  const [drafts, setDrafts] = useState<Record<string, EntryDraft>>({})
  const [results, setResults] = useState<Record<string, RowResult>>({})
  const [isSaving, setSaving] = useState(false)
  const [revisionsOf, setRevisionsOf] = useState<{ id: string; name: string } | null>(null)

  const unit = plan.valuesOrgUnit
  const isLocked = plan.lockedYears.includes(year)
  const indicators = enterableIndicators(plan.indicators, year)
  const currentOf = (indicator: IndicatorView) => indicator.actuals.find((o) => o.year === year)
  const draftOf = (indicator: IndicatorView) => drafts[indicator.code] ?? draftFrom(currentOf(indicator))
  const refresh = () => queryClient.invalidateQueries({ queryKey: indicatorKeys.all })
  // Figures of the M2 registers and the M5 技术合同登记 offered beside the indicators that have a register metric
  // (采用 saves one).
  const { data: registerValues } = useQuery(registerValuesQueryOptions(plan.id, { year, orgUnitId: unit.id }))
  const [adopting, setAdopting] = useState<string | null>(null)

  async function handleAdopt(indicator: IndicatorView) {
    setAdopting(indicator.code)
    try {
      const saved = await adoptRegisterValue(plan.id, {
        indicatorCode: indicator.code,
        year,
        orgUnitId: unit.id,
      })
      void message.success(
        t('libraries.registerValue.adopted', {
          value: formatIndicatorValue(saved.value) ?? '',
          source: saved.source,
        }),
      )
      await refresh()
    } catch (error) {
      const text = describeError(error)
      if (text) void message.error(text)
    } finally {
      setAdopting(null)
    }
  }

  const upload = useTemplateUpload({
    planId: plan.id,
    disabled: isLocked,
    onImported: () => {
      setDrafts({})
      setResults({})
      void refresh()
    },
  })

  function editDraft(indicator: IndicatorView, change: Partial<EntryDraft>) {
    setDrafts((current) => ({ ...current, [indicator.code]: { ...draftOf(indicator), ...change } }))
    setResults(({ [indicator.code]: _, ...rest }) => rest)
  }

  // One request per changed row, so each row reports its own outcome in the server's words.
  async function handleSave() {
    const changed = indicators.filter((i) => isDraftChanged(draftOf(i), currentOf(i)))
    if (changed.length === 0) {
      void message.info(t('entry.nothingChanged'))
      return
    }
    setSaving(true)
    const next: Record<string, RowResult> = {}
    for (const indicator of changed) {
      const input = ObservationInput.safeParse(
        toObservationInput(indicator.code, unit.id, year, draftOf(indicator)),
      )
      if (!input.success) {
        next[indicator.code] = {
          isSaved: false,
          message: input.error.issues.map((i) => i.message).join('；'),
        }
        continue
      }
      try {
        await reportObservation(plan.id, input.data)
        next[indicator.code] = { isSaved: true }
      } catch (error) {
        const text = describeError(error)
        // An ended session has been announced already; the rest would fail the same way.
        if (text === null) break
        next[indicator.code] = { isSaved: false, message: text }
      }
    }
    const saved = Object.keys(next).filter((code) => next[code]?.isSaved)
    const failed = Object.keys(next).length - saved.length
    setResults(next)
    if (saved.length > 0) void message.success(t('entry.savedCount', { count: saved.length }))
    if (failed > 0) void message.error(t('entry.failedCount', { count: failed }))
    // Saved rows show the new current value once it has arrived, not the old one in between.
    await refresh()
    setDrafts((current) =>
      Object.fromEntries(Object.entries(current).filter(([code]) => !saved.includes(code))),
    )
    setSaving(false)
  }

  // The cells of one indicator, laid out as a table row on a wide screen and as a card on a phone.
  const cells = {
    current: (indicator: IndicatorView) => {
      const current = currentOf(indicator)
      if (!current) return t('common.none')
      return (
        <Button
          type="link"
          size="small"
          icon={<HistoryOutlined />}
          iconPlacement="end"
          aria-label={`${indicator.name} ${t('entry.revisions')}`}
          onClick={() => setRevisionsOf({ id: current.id, name: indicator.name })}
        >
          {formatIndicatorValue(current.value)}
        </Button>
      )
    },
    value: (indicator: IndicatorView) => (
      <InputNumber<number>
        aria-label={`${indicator.name} ${t('entry.value')}`}
        value={draftOf(indicator).value}
        onChange={(value) => editDraft(indicator, { value: value ?? null })}
        disabled={isLocked}
        style={{ width: isMobile ? '100%' : 130 }}
      />
    ),
    source: (indicator: IndicatorView) => (
      <Input
        aria-label={`${indicator.name} ${t('entry.source')}`}
        value={draftOf(indicator).source}
        onChange={(event) => editDraft(indicator, { source: event.target.value })}
        disabled={isLocked}
        style={{ width: isMobile ? '100%' : 180 }}
      />
    ),
    note: (indicator: IndicatorView) => (
      <Input
        aria-label={`${indicator.name} ${t('entry.note')}`}
        value={draftOf(indicator).note}
        onChange={(event) => editDraft(indicator, { note: event.target.value })}
        disabled={isLocked}
        style={{ width: isMobile ? '100%' : 160 }}
      />
    ),
    result: (indicator: IndicatorView) => {
      const result = results[indicator.code]
      if (!result) return null
      return result.isSaved ? (
        <Tag color="green">{t('entry.rowSaved')}</Tag>
      ) : (
        <Typography.Text type="danger" role="alert">
          {result.message}
        </Typography.Text>
      )
    },
    target: (indicator: IndicatorView) => printedTarget(indicator.targets, year) ?? t('common.none'),
    registerValue: (indicator: IndicatorView) => {
      const computed = registerValues?.items.find((item) => item.indicatorCode === indicator.code)
      if (!computed) return null
      return (
        <Flex gap={4} align="center" wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={computed.description}>
            {t('libraries.registerValue.label', {
              value: formatIndicatorValue(computed.value) ?? '',
              source: computed.source,
              time: dayjs(computed.computedAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Text>
          {can('observations:report') && (
            <Button
              size="small"
              type="link"
              title={t('libraries.registerValue.adoptHint')}
              aria-label={`${indicator.name} ${t('libraries.registerValue.adopt')}`}
              disabled={isLocked}
              loading={adopting === indicator.code}
              onClick={() => void handleAdopt(indicator)}
            >
              {t('libraries.registerValue.adopt')}
            </Button>
          )}
        </Flex>
      )
    },
  }

  const columns: TableColumnsType<IndicatorView> = [
    {
      title: t('plans.indicatorName'),
      key: 'name',
      fixed: 'start',
      width: 200,
      render: (_, indicator) => (
        <Flex vertical>
          <span>{indicator.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {indicator.category}
          </Typography.Text>
          {cells.registerValue(indicator)}
        </Flex>
      ),
    },
    { title: t('plans.unit'), key: 'unit', render: (_, i) => i.unit || t('common.none') },
    {
      title: t('plans.targetYear', { year }),
      key: 'target',
      align: 'right',
      render: (_, i) => cells.target(i),
    },
    { title: t('entry.current'), key: 'current', align: 'right', render: (_, i) => cells.current(i) },
    { title: t('entry.value'), key: 'value', render: (_, i) => cells.value(i) },
    { title: t('entry.source'), key: 'source', render: (_, i) => cells.source(i) },
    { title: t('entry.note'), key: 'note', render: (_, i) => cells.note(i) },
    { title: t('entry.result'), key: 'result', render: (_, i) => cells.result(i) },
  ]

  return (
    <>
      {upload.errors}
      {isLocked && (
        <Alert
          type="warning"
          showIcon
          title={t('entry.lockedNotice', { year })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('plans.valuesOf', { unit: unit.name, year })}</span>
            {isLocked && <Tag color="purple">{t('plans.locked')}</Tag>}
          </Flex>
        }
        extra={
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={isSaving}
            disabled={isLocked}
            onClick={() => void handleSave()}
          >
            {t('entry.save')}
          </Button>
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <PlanDownloadButtons planId={plan.id} query={{ orgUnitId: unit.id, year }} kinds={['template']} />
          {can('observations:report') && upload.button}
          {can('periods:lock') && (
            <PeriodLockButton
              planId={plan.id}
              unit={{ ...unit, path: units?.find((u) => u.id === unit.id)?.path }}
              year={year}
              isLocked={isLocked}
            />
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('entry.uploadHint')}
        </Typography.Paragraph>
        {isMobile ? (
          <Flex vertical gap={12}>
            {indicators.length === 0 && <Empty description={t('entry.notEnterable')} />}
            {indicators.map((indicator) => (
              <Card
                key={indicator.id}
                size="small"
                title={indicator.name}
                styles={{ title: { whiteSpace: 'normal', padding: '8px 0' } }}
              >
                <Descriptions
                  size="small"
                  column={2}
                  items={[
                    { key: 'unit', label: t('plans.unit'), children: indicator.unit || t('common.none') },
                    {
                      key: 'target',
                      label: t('plans.targetYear', { year }),
                      children: cells.target(indicator),
                    },
                    {
                      key: 'current',
                      label: t('entry.current'),
                      children: cells.current(indicator),
                      span: 2,
                    },
                  ]}
                />
                {cells.registerValue(indicator)}
                <Flex vertical gap={8} style={{ marginTop: 8 }}>
                  {(['value', 'source', 'note'] as const).map((field) => (
                    <div key={field}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`entry.${field}`)}
                      </Typography.Text>
                      {cells[field](indicator)}
                    </div>
                  ))}
                  {cells.result(indicator)}
                </Flex>
              </Card>
            ))}
          </Flex>
        ) : (
          <Table<IndicatorView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={indicators}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('entry.notEnterable') }}
          />
        )}
      </Card>
      {revisionsOf && (
        <RevisionsDrawer
          observationId={revisionsOf.id}
          indicatorName={revisionsOf.name}
          onClose={() => setRevisionsOf(null)}
        />
      )}
    </>
  )
}
