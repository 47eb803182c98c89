import type { PlanSummary } from '@kechuang/core/indicators'

/**
 * The plan to open first: the one of the nearest region containing the user's scope (a 大冶市 reporter gets
 * Daye's plan, not Huangshi's), else the first plan listed. `scopePath` is the path of the user's scope unit
 * ('/hubei/huangshi/daye/…' as unit ids), which names every unit above it.
 */
export function pickDefaultPlan(
  plans: readonly PlanSummary[],
  scopePath: string | undefined,
): PlanSummary | undefined {
  const ancestors = scopePath?.split('/').filter(Boolean) ?? []
  let best: PlanSummary | undefined
  let bestDepth = -1
  for (const plan of plans) {
    const depth = ancestors.indexOf(plan.regionOrgUnitId)
    if (depth > bestDepth) {
      best = plan
      bestDepth = depth
    }
  }
  return best ?? plans[0]
}

/**
 * The year a plan page opens on: the latest plan year up to now that has values (figures arrive a year or
 * more late), else this year inside the plan's period, else its nearest end.
 */
export function defaultPlanYear(
  plan: {
    startYear: number
    endYear: number
    indicators?: readonly { actuals: readonly { year: number }[] }[]
  },
  today = new Date(),
): number {
  const current = Math.min(plan.endYear, Math.max(plan.startYear, today.getFullYear()))
  const reported = (plan.indicators ?? [])
    .flatMap((indicator) => indicator.actuals.map((o) => o.year))
    .filter((year) => year >= plan.startYear && year <= current)
  return reported.length > 0 ? Math.max(...reported) : current
}

/** The years values may be given for: from the earliest baseline year (基期) to the plan's last year. */
export function planYears(plan: {
  startYear: number
  endYear: number
  indicators: readonly { entryYears: { from: number } }[]
}): number[] {
  const from = Math.min(plan.startYear, ...plan.indicators.map((i) => i.entryYears.from))
  return Array.from({ length: plan.endYear - from + 1 }, (_, i) => from + i)
}
