import type { ConditionGap, ConditionTrace, Verdict } from './qualification-verdict'

/**
 * What ranking needs of a verdict. A screening of many enterprises keeps only this much of each verdict until it
 * ranks them: `conditions` reduced to the failed ones, and of those only the id and the gap (a whole trace holds
 * its unread explanation templates and their context, which for 200 000 verdicts is most of the heap).
 */
export type ScreenedVerdict = Pick<
  Verdict,
  'ruleSet' | 'qualified' | 'scoreBand' | 'failedConditions' | 'reviewConditions'
> & { conditions: readonly Pick<ConditionTrace, 'id' | 'gap'>[] }

export interface ScreenedEnterprise<Key> {
  key: Key
  verdict: ScreenedVerdict
}

export interface NearlyQualified<Key> {
  rank: number
  key: Key
  qualified: false | 'needs-review'
  /** The failed conditions with the smallest change that passes each (§2.8 / §3.6 gap rule). */
  gaps: { conditionId: string; gap: ConditionGap }[]
  reviewConditions: string[]
  /** Points missing to the pass mark even at the top of the band (0 when the band reaches it). */
  scoreShortfall: number
  scoreBand: Verdict['scoreBand']
}

const PASS_MARK: Record<Verdict['ruleSet'], number> = { 'tsme-2022': 60, 'hnte-2016': 71 }

/**
 * The 后备库 view: enterprises not (yet) qualified whose every failure is a figure that can change — each failed
 * condition carries a gap. Enterprises with a failure no figure can fix (非居民企业, an excluded industry, a
 * failed expert finding) are left out, and so are those with more than `maxFailedConditions` failures when it is
 * given (a screening wants the enterprises a step or two away, not everyone with a gap). Order, closest first:
 * 1. fewer failed conditions (a needs-review case with none comes first);
 * 2. fewer conditions still needing data or an expert judgement;
 * 3. smaller score shortfall (pass mark − top of the band);
 * 4. higher top of the band; then input order.
 */
export function rankNearlyQualified<Key>(
  screened: readonly ScreenedEnterprise<Key>[],
  options: { limit?: number; maxFailedConditions?: number } = {},
): NearlyQualified<Key>[] {
  const maxFailed = options.maxFailedConditions ?? Infinity
  const candidates = screened.flatMap(({ key, verdict }, index) => {
    if (verdict.qualified === true || verdict.failedConditions.length > maxFailed) return []
    const failed = verdict.conditions.filter((c) => verdict.failedConditions.includes(c.id))
    if (failed.some((c) => c.gap === undefined)) return []
    return [
      {
        index,
        entry: {
          rank: 0,
          key,
          qualified: verdict.qualified,
          gaps: failed.map((c) => ({ conditionId: c.id, gap: c.gap! })),
          reviewConditions: verdict.reviewConditions,
          scoreShortfall: Math.max(0, PASS_MARK[verdict.ruleSet] - verdict.scoreBand.max),
          scoreBand: verdict.scoreBand,
        } satisfies NearlyQualified<Key>,
      },
    ]
  })
  candidates.sort(
    (a, b) =>
      a.entry.gaps.length - b.entry.gaps.length ||
      a.entry.reviewConditions.length - b.entry.reviewConditions.length ||
      a.entry.scoreShortfall - b.entry.scoreShortfall ||
      b.entry.scoreBand.max - a.entry.scoreBand.max ||
      a.index - b.index,
  )
  const ranked = candidates.map(({ entry }, i) => ({ ...entry, rank: i + 1 }))
  return options.limit === undefined ? ranked : ranked.slice(0, options.limit)
}
