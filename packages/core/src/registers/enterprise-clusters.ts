import { type JudgementActor, isLive, judgementPairKey, recordJudgement } from './judgements'
import { registerErrors } from './registers.errors'
import type { Judgement } from './registers.schemas'

/**
 * Enterprises as clusters of records: the connected components of live POSITIVE judgements. Source rows are never
 * rewritten; a merge or a split only adds or retires edges, so every step is audited and can be undone, and a
 * relation attached to a record follows that record's cluster.
 */

export interface EnterpriseCluster {
  /** The canonical id (see `rankCanonicalIds`). */
  id: string
  /** Every record id in the cluster, sorted. */
  memberIds: string[]
}

export interface ClusterIndex {
  /** Sorted by id. */
  clusters: EnterpriseCluster[]
  /** Record id → its cluster's canonical id. */
  clusterIdOf: ReadonlyMap<string, string>
}

export interface ClusterOptions {
  /**
   * Whether an id was minted by the register (an enterprise of ours) rather than taken from a source row; minted
   * ids outrank source ids. Default: none is minted, so the smallest id wins.
   */
  isMintedId?: (id: string) => boolean
}

/**
 * The canonical id rule: minted ids first, then the smallest id. Depending only on the members, never on the order
 * edges were added, it gives a cluster the same id on every re-run; a cluster that grows by source records keeps
 * its minted id.
 */
export function rankCanonicalIds(ids: Iterable<string>, options: ClusterOptions = {}): string {
  const isMinted = options.isMintedId ?? (() => false)
  let best: string | null = null
  for (const id of ids) {
    if (best === null) {
      best = id
      continue
    }
    const [mintedId, mintedBest] = [isMinted(id), isMinted(best)]
    if ((mintedId && !mintedBest) || (mintedId === mintedBest && id < best)) best = id
  }
  if (best === null) throw new Error('a cluster has at least one member')
  return best
}

/** Connected components of the live POSITIVE edges over `recordIds` (ids named only by edges are included). */
export function buildClusters(
  recordIds: Iterable<string>,
  edges: readonly Judgement[],
  options: ClusterOptions = {},
): ClusterIndex {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root)!
    // Path compression keeps later finds short.
    for (let node = id; node !== root;) {
      const next = parent.get(node)!
      parent.set(node, root)
      node = next
    }
    return root
  }
  const add = (id: string) => {
    if (!parent.has(id)) parent.set(id, id)
  }
  for (const id of recordIds) add(id)
  for (const edge of edges) {
    add(edge.left)
    add(edge.right)
    if (isLive(edge) && edge.judgement === 'POSITIVE') {
      const [a, b] = [find(edge.left), find(edge.right)]
      if (a !== b) parent.set(a, b)
    }
  }
  const members = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const root = find(id)
    const list = members.get(root)
    if (list) list.push(id)
    else members.set(root, [id])
  }
  const clusters: EnterpriseCluster[] = []
  const clusterIdOf = new Map<string, string>()
  for (const list of members.values()) {
    const id = rankCanonicalIds(list, options)
    list.sort()
    clusters.push({ id, memberIds: list })
    for (const member of list) clusterIdOf.set(member, id)
  }
  clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { clusters, clusterIdOf }
}

function clusterOf(index: ClusterIndex, clusterId: string): EnterpriseCluster {
  const cluster = index.clusters.find((c) => c.id === clusterId)
  if (!cluster) throw registerErrors.CLUSTER_NOT_FOUND({ clusterId })
  return cluster
}

/**
 * Merges two clusters with one POSITIVE judgement between their canonical ids (replacing any live judgement of
 * that pair, e.g. an earlier NEGATIVE). Undone exactly by `splitCluster` with the second cluster's members.
 */
export function mergeClusters(
  edges: readonly Judgement[],
  index: ClusterIndex,
  clusterIds: { into: string; from: string },
  actor: JudgementActor,
): Judgement[] {
  const into = clusterOf(index, clusterIds.into)
  const from = clusterOf(index, clusterIds.from)
  if (into.id === from.id) throw registerErrors.MERGE_SAME_CLUSTER({ clusterId: into.id })
  return recordJudgement(edges, { a: into.id, b: from.id, judgement: 'POSITIVE' }, actor)
}

/**
 * Splits `part` off a cluster: every live POSITIVE edge between `part` and the rest is retired, and a NEGATIVE
 * judgement between the two sides' canonical ids records the decision, so the linker does not suggest the pair
 * again. The result is the clusters the remaining edges define — two, or more when a side was itself only held
 * together through the other.
 */
export function splitCluster(
  edges: readonly Judgement[],
  index: ClusterIndex,
  clusterId: string,
  part: readonly string[],
  actor: JudgementActor,
  options: ClusterOptions = {},
): Judgement[] {
  const cluster = clusterOf(index, clusterId)
  const leaving = new Set(part)
  const valid =
    leaving.size > 0 &&
    leaving.size < cluster.memberIds.length &&
    part.every((id) => cluster.memberIds.includes(id))
  if (!valid) throw registerErrors.SPLIT_PART_INVALID({ clusterId, part })
  const members = new Set(cluster.memberIds)
  const crosses = (edge: Judgement) =>
    members.has(edge.left) && members.has(edge.right) && leaving.has(edge.left) !== leaving.has(edge.right)
  const retired = edges.map((edge) =>
    isLive(edge) && edge.judgement === 'POSITIVE' && crosses(edge) ? { ...edge, deletedAt: actor.at } : edge,
  )
  const staying = cluster.memberIds.filter((id) => !leaving.has(id))
  return recordJudgement(
    retired,
    { a: rankCanonicalIds(part, options), b: rankCanonicalIds(staying, options), judgement: 'NEGATIVE' },
    actor,
  )
}

/**
 * Pairs of clusters that a live judgement of any kind already connects (as `judgementPairKey` of their canonical
 * ids): the review queue does not suggest them again.
 */
export function judgedClusterPairs(edges: readonly Judgement[], index: ClusterIndex): Set<string> {
  const pairs = new Set<string>()
  for (const edge of edges) {
    if (!isLive(edge)) continue
    const a = index.clusterIdOf.get(edge.left)
    const b = index.clusterIdOf.get(edge.right)
    if (a !== undefined && b !== undefined && a !== b) pairs.add(judgementPairKey(a, b))
  }
  return pairs
}
