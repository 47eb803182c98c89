import type { TreeNodeInput, TreeNode } from '@kechuang/core/org-units'

export interface OrgUnitTreeFilter<T extends TreeNodeInput & { aliases?: readonly string[] }> {
  /** Matching units with their ancestors (for the way there) and their own subtrees. */
  roots: TreeNode<T>[]
  /** Ancestors of the matches: open them so every match is visible. */
  expandedIds: string[]
  matchedIds: Set<string>
}

/**
 * Narrows the tree to units whose name or alias contains `keyword` (case-insensitive, trimmed). An empty
 * keyword keeps the whole tree and opens nothing.
 */
export function filterOrgUnitTree<T extends TreeNodeInput & { aliases?: readonly string[] }>(
  roots: readonly TreeNode<T>[],
  keyword: string,
): OrgUnitTreeFilter<T> {
  const needle = keyword.trim().toLowerCase()
  if (!needle) return { roots: [...roots], expandedIds: [], matchedIds: new Set() }

  const expandedIds: string[] = []
  const matchedIds = new Set<string>()
  const isMatch = (node: T) =>
    node.name.toLowerCase().includes(needle) ||
    (node.aliases ?? []).some((alias) => alias.toLowerCase().includes(needle))

  // A node stays when it matches (with its whole subtree, closed) or when something below it matches.
  const visit = (node: TreeNode<T>): TreeNode<T> | null => {
    const visited = node.children.map((child) => ({ child, kept: visit(child) }))
    const keptChildren = visited.flatMap(({ kept }) => (kept ? [kept] : []))
    if (keptChildren.length > 0) expandedIds.push(node.id)
    if (isMatch(node)) {
      matchedIds.add(node.id)
      return { ...node, children: visited.map(({ child, kept }) => kept ?? child) }
    }
    return keptChildren.length > 0 ? { ...node, children: keptChildren } : null
  }

  const kept = roots.map(visit).filter((node): node is TreeNode<T> => node !== null)
  return { roots: kept, expandedIds, matchedIds }
}
