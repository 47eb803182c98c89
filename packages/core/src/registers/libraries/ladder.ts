import { LADDER_STEPS, type LadderStep, type QualificationType } from '../register-vocabulary'
import { enterpriseFiguresOn, yearsBefore, type EnterpriseFacts } from './enterprise-figures'
import { checkHnteReserveRule } from './library-rules'
import { yearEndDate } from './qualification-validity'

/**
 * The 梯次培育 ladder (PRODUCT.md M2: 初创 → 科技型中小 → 高企后备 → 高企 → 瞪羚/小巨人 → 领军). An enterprise's
 * step on a date is the highest that applies, checked from the top:
 * - a step reached by a qualification: one of its types is valid on the date (qualification-validity.ts);
 * - 高企后备: the 高企后备库 rule holds on the date (library-rules.ts; manual curation is not dated, so not used);
 * - 初创: founded within 3 years before the date (founded on or before it).
 * None applies → not on the ladder (null).
 */
export const LADDER_QUALIFICATIONS: Partial<Record<LadderStep, readonly QualificationType[]>> = {
  leader: ['innovation_leader'],
  gazelle_or_little_giant: ['gazelle', 'little_giant'],
  hnte: ['hnte'],
  tsme: ['tsme'],
}

export const STARTUP_MAX_AGE_YEARS = 3

/** Steps from the top down: the order the step of an enterprise is decided in. */
export const LADDER_STEPS_TOP_DOWN: readonly LadderStep[] = [...LADDER_STEPS].reverse()

/** The ladder step of an enterprise on `date` (ISO), or null when it is not on the ladder. */
export function ladderStepOn(facts: EnterpriseFacts, date: string): LadderStep | null {
  const figures = enterpriseFiguresOn(facts, date)
  for (const step of LADDER_STEPS_TOP_DOWN) {
    const types = LADDER_QUALIFICATIONS[step]
    if (types) {
      if (figures.validQualifications.some((q) => types.includes(q))) return step
    } else if (step === 'hnte_reserve') {
      if (checkHnteReserveRule(figures).isMember) return step
    } else if (step === 'startup') {
      const founded = facts.foundedOn
      if (founded !== null && founded <= date && founded > yearsBefore(date, STARTUP_MAX_AGE_YEARS))
        return step
    }
  }
  return null
}

/** The step at 31 Dec of `year`, the date the ladder's yearly counts are taken at. */
export function ladderStepInYear(facts: EnterpriseFacts, year: number): LadderStep | null {
  return ladderStepOn(facts, yearEndDate(year))
}

/** Position on the ladder: 0 for not on it, then 1 (初创) … 6 (领军). */
export function ladderRank(step: LadderStep | null): number {
  return step === null ? 0 : LADDER_STEPS.indexOf(step) + 1
}

export type LadderMovementKind = 'entered' | 'left' | 'up' | 'down' | 'same'

/** How an enterprise moved between two years' steps (null = not on the ladder that year). */
export function classifyLadderMovement(from: LadderStep | null, to: LadderStep | null): LadderMovementKind {
  if (from === null && to !== null) return 'entered'
  if (from !== null && to === null) return 'left'
  const difference = ladderRank(to) - ladderRank(from)
  return difference > 0 ? 'up' : difference < 0 ? 'down' : 'same'
}

/** From step → to step counts of enterprises between two years; pairs off the ladder both years are dropped. */
export function countLadderMovements(
  steps: Iterable<{ from: LadderStep | null; to: LadderStep | null }>,
): { from: LadderStep | null; to: LadderStep | null; count: number }[] {
  const counts = new Map<string, { from: LadderStep | null; to: LadderStep | null; count: number }>()
  for (const { from, to } of steps) {
    if (from === null && to === null) continue
    const key = `${from}>${to}`
    const entry = counts.get(key) ?? { from, to, count: 0 }
    entry.count += 1
    counts.set(key, entry)
  }
  return [...counts.values()].sort(
    (a, b) => ladderRank(b.from) - ladderRank(a.from) || ladderRank(b.to) - ladderRank(a.to),
  )
}
