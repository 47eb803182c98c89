import type { MarketplaceCollection } from './marketplace.api'
import {
  MANUAL_ENGAGEMENT_STATUSES,
  type Engagement,
  type EngagementStatus,
  type ManualEngagementStatus,
  type RecommendationKind,
} from '@kechuang/core/marketplace'

/**
 * The stages staff may move a 对接 to by hand: every manual stage but its own. A 对接 with a signed contract is
 * not moved by hand (the contract moved it; the contract's own page changes it).
 */
export function moveTargetsOf(status: EngagementStatus): ManualEngagementStatus[] {
  if (status === 'contract') return []
  return MANUAL_ENGAGEMENT_STATUSES.filter((target) => target !== status)
}

/** Only a 对接 still at 已推荐 (nothing done yet) may be deleted, and only by staff who may edit it. */
export function isEngagementDeletable(engagement: Pick<Engagement, 'status' | 'canEdit'>): boolean {
  return engagement.canEdit && engagement.status === 'recommended'
}

/** A contract may be registered for a 对接 that has none yet and is still open. */
export function canRegisterContract(engagement: Pick<Engagement, 'status' | 'canEdit' | 'contractId'>) {
  return engagement.canEdit && engagement.contractId === null && engagement.status !== 'closed'
}

/**
 * The body of 发起对接 from a 推荐 panel: on a need's panel the need with the recommended result or expert; on a
 * result's panel (recommended needs) the recommended need with this result.
 */
export function engagementInputFor(
  panel: { collection: MarketplaceCollection; id: string },
  item: { kind: RecommendationKind; id: string },
): { needId: string; resultId: string | null; expertId: string | null; note: null } {
  // On a result's or an expert's page the recommended items are needs.
  if (panel.collection === 'results')
    return { needId: item.id, resultId: panel.id, expertId: null, note: null }
  if (panel.collection === 'experts')
    return { needId: item.id, resultId: null, expertId: panel.id, note: null }
  return {
    needId: panel.id,
    resultId: item.kind === 'results' ? item.id : null,
    expertId: item.kind === 'experts' ? item.id : null,
    note: null,
  }
}

/** The id of the existing 对接 an ENGAGEMENT_EXISTS refusal names in its details, if it does. */
export function existingEngagementId(details: unknown): string | null {
  if (details === null || typeof details !== 'object') return null
  const id = (details as { id?: unknown }).id
  return typeof id === 'string' ? id : null
}
