import { describe, expect, it } from 'vitest'
import { diffJudgements, withdrawCrossingJudgements } from './cluster-edits'
import { buildClusters, mergeClusters } from './enterprise-clusters'
import { recordJudgement } from './judgements'

const actor = { userId: 'u1', at: '2026-03-02T10:00:00Z' }
const later = { userId: 'u2', at: '2026-03-03T10:00:00Z' }

describe('diffJudgements', () => {
  it('lists the edges a merge retired and added', () => {
    const before = recordJudgement([], { a: 'a', b: 'c', judgement: 'NEGATIVE' }, actor)
    const index = buildClusters(['a', 'c'], before)
    const after = mergeClusters(before, index, { into: 'a', from: 'c' }, later)
    const changes = diffJudgements(before, after)
    expect(changes.retired).toEqual([0])
    expect(changes.added).toMatchObject([{ left: 'a', right: 'c', judgement: 'POSITIVE', userId: 'u2' }])
  })

  it('refuses a list that lost edges', () => {
    const before = recordJudgement([], { a: 'a', b: 'b', judgement: 'POSITIVE' }, actor)
    expect(() => diffJudgements(before, [])).toThrow()
  })
})

describe('withdrawCrossingJudgements', () => {
  it('retires only live POSITIVE edges across the cut and adds nothing', () => {
    let edges = recordJudgement([], { a: 'a', b: 'b', judgement: 'POSITIVE' }, actor)
    edges = recordJudgement(edges, { a: 'b', b: 'c', judgement: 'POSITIVE' }, actor)
    edges = recordJudgement(edges, { a: 'a', b: 'x', judgement: 'NEGATIVE' }, actor)
    const after = withdrawCrossingJudgements(edges, ['a', 'b', 'c'], ['c'], later.at)
    expect(diffJudgements(edges, after)).toEqual({ retired: [1], added: [] })
    const clusters = buildClusters(['a', 'b', 'c'], after).clusters.map((c) => c.memberIds)
    expect(clusters).toEqual([['a', 'b'], ['c'], ['x']])
  })

  it('undoes a merge exactly: the live edges are those before the merge', () => {
    const before = recordJudgement([], { a: 'a', b: 'b', judgement: 'POSITIVE' }, actor)
    const merged = mergeClusters(
      before,
      buildClusters(['a', 'b', 'c'], before),
      { into: 'a', from: 'c' },
      later,
    )
    const split = withdrawCrossingJudgements(merged, ['a', 'b', 'c'], ['c'], later.at)
    const live = (list: typeof split) => list.filter((e) => e.deletedAt === null)
    expect(live(split)).toEqual(live(before))
  })
})
