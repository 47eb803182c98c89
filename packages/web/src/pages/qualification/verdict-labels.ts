import { CONDITION_STATUS_LABELS, FIELD_LABELS, type VerdictResponse } from '@kechuang/core/qualification'
import { t, tOptional } from '../../i18n/t'

type ConditionStatus = VerdictResponse['conditions'][number]['status']

/** antd tag colours of a condition's status. */
export const CONDITION_STATUS_COLORS: Record<ConditionStatus, string> = {
  pass: 'green',
  fail: 'red',
  'needs-judgement': 'orange',
  'insufficient-data': 'gold',
}

export const ROUTE_STATUS_COLORS = { met: 'green', unmet: 'default', unknown: 'orange' } as const

const fieldLabel = (key: string): string =>
  Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key as keyof typeof FIELD_LABELS] : key

/** A missing field as the user knows it: "职工总数", "第 3 个会计年度的研发费用总额". */
export function describeMissingField(path: string): string {
  const [head, index, key] = path.split('.')
  if (head === 'fiscalYears' && index !== undefined && key !== undefined) {
    return t('qualification.verdict.fiscalYearField', { n: Number(index) + 1, label: fieldLabel(key) })
  }
  return fieldLabel(path)
}

/**
 * Why a verdict is 需复核 (spec §0.4: "the UI says which, from the statuses involved"): 需专家判断, 数据不足 or
 * both, in that order.
 */
export function reviewReasons(verdict: VerdictResponse): string[] {
  const ids = new Set(verdict.reviewConditions)
  const statuses = new Set(verdict.conditions.filter((c) => ids.has(c.id)).map((c) => c.status))
  // A TSME route that is open (TSME-R-…) is a judgement on the evidence, not a missing figure.
  const hasOpenRoute = verdict.reviewConditions.some((id) => !verdict.conditions.some((c) => c.id === id))
  const reasons: string[] = []
  if (statuses.has('needs-judgement') || hasOpenRoute)
    reasons.push(CONDITION_STATUS_LABELS['needs-judgement'])
  if (statuses.has('insufficient-data')) reasons.push(CONDITION_STATUS_LABELS['insufficient-data'])
  return reasons
}

/** A direct route of 科技型中小企业 (§2.6) by name; its id when the dictionary has none. */
export function routeName(id: string): string {
  return tOptional(`qualification.verdict.routeNames.${id}`) ?? id
}
