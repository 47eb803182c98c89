import { registerErrors } from './registers.errors'
import type { Judgement, JudgementKind } from './registers.schemas'

/**
 * Review decisions as edges (nomenklatura's resolver): each judgement links two record ids, at most one edge per
 * pair is live, and a new decision on a pair retires the old one by setting its `deletedAt` — nothing is deleted,
 * so the history of a pair stays readable. All functions return new arrays and leave their input untouched.
 */

/** Who decides and when (ISO date-time). */
export interface JudgementActor {
  userId: string
  at: string
}

/** The pair's identity, independent of order. */
export function judgementPairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`
}

export function isLive(judgement: Judgement): boolean {
  return judgement.deletedAt === null
}

/** The live judgement of a pair, if any. */
export function findLiveJudgement(edges: readonly Judgement[], a: string, b: string): Judgement | undefined {
  const key = judgementPairKey(a, b)
  return edges.find((edge) => isLive(edge) && judgementPairKey(edge.left, edge.right) === key)
}

function retirePair(edges: readonly Judgement[], a: string, b: string, at: string): Judgement[] {
  const key = judgementPairKey(a, b)
  return edges.map((edge) =>
    isLive(edge) && judgementPairKey(edge.left, edge.right) === key ? { ...edge, deletedAt: at } : edge,
  )
}

/**
 * Records a decision on a pair: the pair's live edge, if any, is retired at the same instant and the new edge
 * becomes the live one. Ids are stored in sorted order so a pair has one spelling. `score` is the linker's
 * probability at the time, when the decision answers a suggestion.
 */
export function recordJudgement(
  edges: readonly Judgement[],
  pair: { a: string; b: string; judgement: JudgementKind; score?: number | null },
  actor: JudgementActor,
): Judgement[] {
  if (pair.a === pair.b) throw registerErrors.JUDGEMENT_SELF_PAIR({ id: pair.a })
  const [left, right] = pair.a < pair.b ? [pair.a, pair.b] : [pair.b, pair.a]
  return [
    ...retirePair(edges, left, right, actor.at),
    {
      left,
      right,
      judgement: pair.judgement,
      score: pair.score ?? null,
      userId: actor.userId,
      createdAt: actor.at,
      deletedAt: null,
    },
  ]
}

/** Withdraws the pair's live judgement (the pair returns to "not judged"); unchanged when there is none. */
export function withdrawJudgement(
  edges: readonly Judgement[],
  a: string,
  b: string,
  at: string,
): Judgement[] {
  return retirePair(edges, a, b, at)
}
