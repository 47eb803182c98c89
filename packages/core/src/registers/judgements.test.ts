import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findLiveJudgement, isLive, judgementPairKey, recordJudgement, withdrawJudgement } from './judgements'
import { JUDGEMENT_KINDS, Judgement } from './registers.schemas'

const by = (minute: number) => ({
  userId: 'reviewer-1',
  at: `2026-03-01T09:${String(minute).padStart(2, '0')}:00+08:00`,
})

describe('judgements as edges', () => {
  it('stores a pair in sorted order with user, time and the linker score', () => {
    const [edge] = recordJudgement([], { a: 'rec-9', b: 'ent-1', judgement: 'POSITIVE', score: 0.93 }, by(0))
    expect(edge).toEqual({
      left: 'ent-1',
      right: 'rec-9',
      judgement: 'POSITIVE',
      score: 0.93,
      userId: 'reviewer-1',
      createdAt: '2026-03-01T09:00:00+08:00',
      deletedAt: null,
    })
    expect(Judgement.safeParse(edge).success).toBe(true)
  })

  it('retires the live edge of a pair when a new decision is made, keeping the history', () => {
    let edges = recordJudgement([], { a: 'a', b: 'b', judgement: 'POSITIVE' }, by(0))
    edges = recordJudgement(edges, { a: 'b', b: 'a', judgement: 'NEGATIVE' }, by(5))
    expect(edges).toHaveLength(2)
    expect(edges[0]!.deletedAt).toBe(by(5).at)
    expect(findLiveJudgement(edges, 'a', 'b')?.judgement).toBe('NEGATIVE')
  })

  it('withdraws a judgement by soft delete, leaving the pair unjudged', () => {
    const edges = withdrawJudgement(
      recordJudgement([], { a: 'a', b: 'b', judgement: 'UNSURE' }, by(0)),
      'b',
      'a',
      by(1).at,
    )
    expect(edges).toHaveLength(1)
    expect(findLiveJudgement(edges, 'a', 'b')).toBeUndefined()
  })

  it('refuses to judge a record against itself', () => {
    expect(() => recordJudgement([], { a: 'a', b: 'a', judgement: 'POSITIVE' }, by(0))).toThrow(
      expect.objectContaining({ code: 'JUDGEMENT_SELF_PAIR', status: 400 }),
    )
  })

  it('keeps at most one live edge per pair whatever the sequence of decisions (property)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd')
    const step = fc.record({
      a: id,
      b: id,
      judgement: fc.constantFrom(...JUDGEMENT_KINDS),
      withdraw: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let edges: Judgement[] = []
        steps.forEach((s, minute) => {
          if (s.a === s.b) return
          edges = s.withdraw
            ? withdrawJudgement(edges, s.a, s.b, by(minute).at)
            : recordJudgement(edges, { a: s.a, b: s.b, judgement: s.judgement }, by(minute))
        })
        const live = edges.filter(isLive).map((e) => judgementPairKey(e.left, e.right))
        expect(new Set(live).size).toBe(live.length)
      }),
    )
  })
})
