import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildClusters,
  judgedClusterPairs,
  mergeClusters,
  rankCanonicalIds,
  splitCluster,
} from './enterprise-clusters'
import { judgementPairKey, recordJudgement } from './judgements'
import type { Judgement } from './registers.schemas'

const actor = { userId: 'reviewer-1', at: '2026-03-02T10:00:00+08:00' }
const later = { userId: 'reviewer-2', at: '2026-03-03T10:00:00+08:00' }
const isMintedId = (id: string) => id.startsWith('ent-')

function positive(edges: Judgement[], a: string, b: string): Judgement[] {
  return recordJudgement(edges, { a, b, judgement: 'POSITIVE' }, actor)
}

describe('clusters', () => {
  it('groups records connected by live POSITIVE judgements', () => {
    let edges = positive([], 'ent-1', 'src-a')
    edges = positive(edges, 'src-a', 'src-b')
    edges = recordJudgement(edges, { a: 'ent-1', b: 'src-c', judgement: 'NEGATIVE' }, actor)
    const { clusters, clusterIdOf } = buildClusters(['ent-1', 'ent-2', 'src-c'], edges, { isMintedId })
    expect(clusters).toEqual([
      { id: 'ent-1', memberIds: ['ent-1', 'src-a', 'src-b'] },
      { id: 'ent-2', memberIds: ['ent-2'] },
      { id: 'src-c', memberIds: ['src-c'] },
    ])
    expect(clusterIdOf.get('src-b')).toBe('ent-1')
  })

  it('lets a minted id outrank source ids, then the smallest id win', () => {
    expect(rankCanonicalIds(['a-source', 'ent-9', 'ent-3'], { isMintedId })).toBe('ent-3')
    expect(rankCanonicalIds(['src-2', 'src-1'])).toBe('src-1')
  })

  it('keeps canonical ids whatever order the edges came in (property)', () => {
    const id = fc.constantFrom('ent-1', 'ent-2', 'src-a', 'src-b', 'src-c', 'src-d')
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id), { maxLength: 12 }), (pairs) => {
        const build = (list: [string, string][]) =>
          buildClusters(
            [],
            list
              .filter(([a, b]) => a !== b)
              .reduce((edges, [a, b]) => positive(edges, a, b), [] as Judgement[]),
            {
              isMintedId,
            },
          ).clusters
        expect(build([...pairs].reverse())).toEqual(build(pairs))
      }),
    )
  })
})

describe('merge and split', () => {
  const records = ['ent-1', 'src-a', 'ent-2', 'src-b', 'src-c']
  const start = positive(positive([], 'ent-1', 'src-a'), 'ent-2', 'src-b')

  it('merges two clusters under the higher-ranked canonical id', () => {
    const edges = mergeClusters(
      start,
      buildClusters(records, start, { isMintedId }),
      { into: 'ent-1', from: 'ent-2' },
      later,
    )
    const { clusters } = buildClusters(records, edges, { isMintedId })
    expect(clusters).toContainEqual({ id: 'ent-1', memberIds: ['ent-1', 'ent-2', 'src-a', 'src-b'] })
  })

  it('restores the original clusters exactly when a merge is split again', () => {
    const before = buildClusters(records, start, { isMintedId })
    const merged = mergeClusters(start, before, { into: 'ent-1', from: 'ent-2' }, later)
    const mergedIndex = buildClusters(records, merged, { isMintedId })
    const split = splitCluster(merged, mergedIndex, 'ent-1', ['ent-2', 'src-b'], later, { isMintedId })
    const after = buildClusters(records, split, { isMintedId })
    expect(after.clusters).toEqual(before.clusters)
    expect([...after.clusterIdOf]).toEqual([...before.clusterIdOf])
    // The history stays: the merge edge is retired, and a NEGATIVE judgement keeps the pair from being suggested.
    expect(split.filter((e) => e.deletedAt !== null)).toHaveLength(1)
    expect(judgedClusterPairs(split, after)).toEqual(new Set([judgementPairKey('ent-1', 'ent-2')]))
  })

  it('restores any clustering after merging two of its clusters and splitting them apart (property)', () => {
    const ids = ['ent-1', 'ent-2', 'src-a', 'src-b', 'src-c', 'src-d', 'src-e']
    const edgeList = fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 8 })
    fc.assert(
      fc.property(edgeList, fc.nat(), fc.nat(), (pairs, i, j) => {
        const edges = pairs
          .filter(([a, b]) => a !== b)
          .reduce((list, [a, b]) => positive(list, a, b), [] as Judgement[])
        const before = buildClusters(ids, edges, { isMintedId })
        const into = before.clusters[i % before.clusters.length]!
        const from = before.clusters[j % before.clusters.length]!
        fc.pre(into.id !== from.id)
        const merged = mergeClusters(edges, before, { into: into.id, from: from.id }, later)
        const mergedIndex = buildClusters(ids, merged, { isMintedId })
        const split = splitCluster(
          merged,
          mergedIndex,
          mergedIndex.clusterIdOf.get(into.id)!,
          from.memberIds,
          later,
          {
            isMintedId,
          },
        )
        expect(buildClusters(ids, split, { isMintedId }).clusters).toEqual(before.clusters)
      }),
    )
  })

  it('refuses to merge a cluster with itself or an unknown one', () => {
    const index = buildClusters(records, start, { isMintedId })
    expect(() => mergeClusters(start, index, { into: 'ent-1', from: 'ent-1' }, later)).toThrow(
      expect.objectContaining({ code: 'MERGE_SAME_CLUSTER' }),
    )
    expect(() => mergeClusters(start, index, { into: 'ent-1', from: 'ent-404' }, later)).toThrow(
      expect.objectContaining({ code: 'CLUSTER_NOT_FOUND', status: 404 }),
    )
  })

  it('refuses a split that takes nothing, everything, or records of another cluster', () => {
    const index = buildClusters(records, start, { isMintedId })
    for (const part of [[], ['ent-1', 'src-a'], ['src-b']]) {
      expect(() => splitCluster(start, index, 'ent-1', part, later)).toThrow(
        expect.objectContaining({ code: 'SPLIT_PART_INVALID' }),
      )
    }
  })
})
