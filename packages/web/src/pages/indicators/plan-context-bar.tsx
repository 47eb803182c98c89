import { Form, Select } from 'antd'
import { useSearchParams } from 'react-router'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { useIsMobile } from '../../lib/use-is-mobile'

/** Whose figures and which year a plan page shows, kept in the address (?orgUnitId=…&year=…) for sharing. */
export function usePlanSearchParams(): {
  orgUnitId: string | undefined
  year: number | undefined
  update(change: { orgUnitId?: string; year?: number }): void
} {
  const [params, setParams] = useSearchParams()
  const yearText = params.get('year')
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined
  return {
    orgUnitId: params.get('orgUnitId') ?? undefined,
    year,
    update(change) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined) next.delete(key)
            else next.set(key, String(value))
          }
          return next
        },
        { replace: true },
      )
    },
  }
}

interface PlanContextBarProps {
  regionOrgUnitId: string
  orgUnitId: string
  year: number
  years: readonly number[]
  onChange(change: { orgUnitId?: string; year?: number }): void
  unitLabel?: string
  yearLabel?: string
}

/** The unit (inside the plan's region and the user's scope) and year selectors; stacked on a phone. */
export function PlanContextBar({
  regionOrgUnitId,
  orgUnitId,
  year,
  years,
  onChange,
  unitLabel = t('plans.orgUnit'),
  yearLabel = t('plans.year'),
}: PlanContextBarProps) {
  const isMobile = useIsMobile()
  return (
    <Form layout={isMobile ? 'vertical' : 'inline'} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label={unitLabel} htmlFor="plan-context-unit" style={{ marginBottom: isMobile ? 8 : 0 }}>
        <OrgUnitTreeSelect
          id="plan-context-unit"
          value={orgUnitId}
          isSelectable={(unit) => unit.path.includes(`/${regionOrgUnitId}/`)}
          onChange={(id) => id && onChange({ orgUnitId: id })}
          style={{ width: isMobile ? '100%' : 240 }}
        />
      </Form.Item>
      <Form.Item label={yearLabel} htmlFor="plan-context-year" style={{ marginBottom: 0 }}>
        <Select<number>
          id="plan-context-year"
          value={year}
          onChange={(value) => onChange({ year: value })}
          options={years.map((y) => ({ value: y, label: t('plans.yearOption', { year: y }) }))}
          style={{ width: isMobile ? '100%' : 120 }}
        />
      </Form.Item>
    </Form>
  )
}
