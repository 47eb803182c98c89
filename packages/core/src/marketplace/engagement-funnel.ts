import { ENGAGEMENT_STATUSES, type EngagementStatus } from './marketplace-vocabulary'

/**
 * The 对接 funnel (LEARN-FROM M5 "go beyond"): how many 对接 reached each stage from 推荐 to 技术合同, whatever
 * became of them later. A 对接 closed after a meeting still counts as having reached 已会面; one reopened and
 * moved back counts at the furthest stage it ever reached. `closed` is an outcome, not a stage.
 */
export const FUNNEL_STAGES = ['recommended', 'contacted', 'meeting', 'negotiating', 'contract'] as const
export type FunnelStage = (typeof FUNNEL_STAGES)[number]

export interface FunnelStageCount {
  stage: FunnelStage
  /** 对接 that reached this stage or a later one. */
  reached: number
  /** reached / reached of the stage before (null for the first stage or when none reached the one before). */
  conversion: number | null
}

const STAGE_RANK: Record<EngagementStatus, number> = Object.fromEntries(
  ENGAGEMENT_STATUSES.map((status) => [status, FUNNEL_STAGES.indexOf(status as FunnelStage)]),
) as Record<EngagementStatus, number>

/** The furthest funnel stage among a 对接's statuses (its steps' statuses); -1 when it has none. */
export function furthestStageRank(statuses: readonly EngagementStatus[]): number {
  let furthest = -1
  for (const status of statuses) furthest = Math.max(furthest, STAGE_RANK[status])
  return furthest
}

/** The funnel of 对接, each given as the statuses its steps moved it to. */
export function engagementFunnel(engagements: readonly (readonly EngagementStatus[])[]): FunnelStageCount[] {
  const reached = FUNNEL_STAGES.map(() => 0)
  for (const statuses of engagements) {
    const furthest = furthestStageRank(statuses)
    for (let rank = 0; rank <= furthest; rank += 1) reached[rank]! += 1
  }
  return FUNNEL_STAGES.map((stage, rank) => {
    const before = rank === 0 ? 0 : reached[rank - 1]!
    return {
      stage,
      reached: reached[rank]!,
      conversion: rank === 0 || before === 0 ? null : Number((reached[rank]! / before).toFixed(4)),
    }
  })
}
