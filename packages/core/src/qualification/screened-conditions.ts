import { CONDITION_STATUS_LABELS, type ScreenedCondition } from './qualification-api.schemas'
import { FIELD_LABELS, type QualificationField } from './qualification.schemas'
import { conditionLabel } from './proposal-reason'
import type { ConditionGap, Verdict } from './qualification-verdict'

/**
 * What a screening keeps of each condition that did not pass, per enterprise and rule set. A failed condition keeps
 * its sentence and gap ("研发费用占比 3.60%，需 ≥ 4%…，还差 12.40 万元"); a condition left open (需专家判断 /
 * 数据不足) keeps only its id, status and the fields it lacks, and its text is written when it is read. A run of
 * 100 000 enterprises has about a million open conditions, and their sentences were most of what a run wrote.
 */
export interface StoredCondition {
  id: string
  status: ScreenedCondition['status']
  /** Failed conditions: the explanation. */
  text?: string
  gap?: ConditionGap
  /** Open conditions: the missing input fields (keys of the rule input). */
  missing?: string[]
}

export function storedConditionsOf(verdict: Verdict): StoredCondition[] {
  const kept: StoredCondition[] = []
  for (const condition of verdict.conditions) {
    if (condition.status === 'pass') continue
    if (condition.status === 'fail') {
      kept.push({
        id: condition.id,
        status: 'fail',
        text: condition.explanation.zh,
        ...(condition.gap ? { gap: { ...condition.gap } } : {}),
      })
    } else {
      kept.push({
        id: condition.id,
        status: condition.status,
        ...(condition.missingFields?.length ? { missing: condition.missingFields } : {}),
      })
    }
  }
  return kept
}

/** A missing field's Chinese name ("fiscalYears.2.salesRevenueWanYuan" → 年销售收入). */
function fieldName(path: string): string {
  const key =
    path
      .split(/[.[\]]/)
      .filter(Boolean)
      .at(-1) ?? path
  return Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key as QualificationField] : key
}

/** The condition as the API shows it, its text written for an open one ("会计核算与征收方式：数据不足（缺少…）"). */
export function screenedConditionOf(stored: StoredCondition): ScreenedCondition {
  const missing = [...new Set((stored.missing ?? []).map(fieldName))]
  const text =
    stored.text ??
    `${conditionLabel(stored.id)}：${CONDITION_STATUS_LABELS[stored.status]}${missing.length > 0 ? `（缺少${missing.join('、')}）` : ''}`
  return { id: stored.id, status: stored.status, text, gap: stored.gap ?? null }
}
