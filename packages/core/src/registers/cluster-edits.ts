import { isLive } from './judgements'
import type { Judgement } from './registers.schemas'

/**
 * Helpers for storing merge and split: the core cluster functions return a whole new edge list; the server writes
 * only what changed. Pure, no I/O.
 */

export interface JudgementChanges {
  /** Positions (in the old list) of edges that the operation retired. */
  retired: number[]
  /** Edges the operation added. */
  added: Judgement[]
}

/**
 * What an operation changed, given the list before and the list it returned. The core functions keep the old edges
 * in place (only `deletedAt` may change) and append new ones, which is what this relies on.
 */
export function diffJudgements(before: readonly Judgement[], after: readonly Judgement[]): JudgementChanges {
  if (after.length < before.length) throw new Error('an operation on judgements never drops edges')
  const retired: number[] = []
  before.forEach((edge, position) => {
    if (isLive(edge) && !isLive(after[position]!)) retired.push(position)
  })
  return { retired, added: after.slice(before.length) }
}

/**
 * Withdraws (soft-deletes) every live POSITIVE edge between `part` and the rest of `memberIds`: the plain split,
 * which records no decision about the pair, so that merging and splitting again gives back exactly the edges
 * there were. `splitCluster` is the variant that also records a NEGATIVE judgement.
 */
export function withdrawCrossingJudgements(
  edges: readonly Judgement[],
  memberIds: readonly string[],
  part: readonly string[],
  at: string,
): Judgement[] {
  const members = new Set(memberIds)
  const leaving = new Set(part)
  return edges.map((edge) => {
    const crosses =
      members.has(edge.left) && members.has(edge.right) && leaving.has(edge.left) !== leaving.has(edge.right)
    return isLive(edge) && edge.judgement === 'POSITIVE' && crosses ? { ...edge, deletedAt: at } : edge
  })
}
