import {
  changeKindOf,
  QUALIFIED_LABELS,
  QUALIFIED_VALUES,
  SCREENING_CHANGES,
  type QualifiedValue,
  type RuleSetId,
  type ScreeningChangeKind,
  type ScreeningSummary,
} from '@kechuang/core/qualification'

type Change = ScreeningSummary['changes'][number]

export interface VerdictDelta {
  qualified: QualifiedValue
  /** Enterprises with this verdict now minus before, among those in this run. */
  delta: number
}

/**
 * Net moves per verdict since the previous run ("符合 +3，不符合 −5"), in the verdicts' order; verdicts that did
 * not move are left out. A move counts +1 for where it arrived and −1 for where it came from; a new enterprise
 * (no previous verdict) only arrives.
 */
export function netVerdictChanges(changes: readonly Change[], ruleSet: RuleSetId): VerdictDelta[] {
  const delta = new Map<QualifiedValue, number>()
  for (const change of changes) {
    if (change.ruleSet !== ruleSet || change.from === change.to) continue
    delta.set(change.to, (delta.get(change.to) ?? 0) + change.count)
    if (change.from) delta.set(change.from, (delta.get(change.from) ?? 0) - change.count)
  }
  return QUALIFIED_VALUES.flatMap((qualified) => {
    const value = delta.get(qualified) ?? 0
    return value === 0 ? [] : [{ qualified, delta: value }]
  })
}

/** `3` → `+3`, `-5` → `−5` (a real minus sign, as in print). */
export function formatSignedCount(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `\u2212${-value}` : '0'
}

/** `符合 +3，不符合 −5`; empty when nothing moved. */
export function verdictDeltaText(deltas: readonly VerdictDelta[]): string {
  return deltas.map((d) => `${QUALIFIED_LABELS[d.qualified]} ${formatSignedCount(d.delta)}`).join('，')
}

export interface ChangeKindCount {
  change: ScreeningChangeKind
  count: number
}

/** Enterprises per kind of move (new, improved, worsened; unchanged left out), each a filter of the results. */
export function changeKindCounts(changes: readonly Change[], ruleSet: RuleSetId): ChangeKindCount[] {
  const counts = new Map<ScreeningChangeKind, number>()
  for (const change of changes) {
    if (change.ruleSet !== ruleSet) continue
    const kind = changeKindOf(change.from, change.to)
    counts.set(kind, (counts.get(kind) ?? 0) + change.count)
  }
  return SCREENING_CHANGES.flatMap((change) => {
    const count = counts.get(change) ?? 0
    return change === 'unchanged' || count === 0 ? [] : [{ change, count }]
  })
}
