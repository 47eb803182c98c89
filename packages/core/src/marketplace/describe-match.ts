import type { MatchHit } from '../matching/match-index'

/** At most this many shared terms are named in a reason (the rest add little to it). */
export const REASON_TERMS_MAX = 5

/**
 * The one-sentence Chinese reason of a recommendation: the technical terms both records share, largest part of the
 * score first, and whether they belong to the same 产业领域, e.g. "共同技术词：正极材料、锂电池；同属新材料领域".
 * `industry` is the query record's own 产业领域.
 */
export function describeMatch(
  hit: Pick<MatchHit, 'sharedTerms' | 'industryMatch'>,
  industry: string | null,
): string {
  const parts: string[] = []
  const terms = hit.sharedTerms.slice(0, REASON_TERMS_MAX).map((t) => t.term)
  if (terms.length > 0) parts.push(`共同技术词：${terms.join('、')}`)
  if (hit.industryMatch && industry) parts.push(`同属${industry}领域`)
  return parts.length > 0 ? parts.join('；') : '文字表述相近'
}
