export interface TreeNodeInput {
  id: string
  parentId: string | null
  name: string
  sortOrder: number
}

export type TreeNode<T extends TreeNodeInput> = T & { children: TreeNode<T>[] }

/**
 * Flat rows → forest. Rows whose parent is not among the rows (the top of a user's scope) become roots.
 * Children are ordered by sortOrder, then by name in Chinese collation.
 */
export function buildOrgUnitTree<T extends TreeNodeInput>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>()
  for (const row of rows) nodes.set(row.id, { ...row, children: [] })
  const roots: TreeNode<T>[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const collator = new Intl.Collator('zh-CN')
  const sortLevel = (level: TreeNode<T>[]) => {
    level.sort((a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name))
    for (const node of level) sortLevel(node.children)
  }
  sortLevel(roots)
  return roots
}
