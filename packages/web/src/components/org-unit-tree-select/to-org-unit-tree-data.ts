import { buildOrgUnitTree, type OrgUnit, type TreeNode } from '@kechuang/core/org-units'

export interface OrgUnitTreeOption {
  value: string
  title: string
  disabled?: boolean
  children: OrgUnitTreeOption[]
}

export interface OrgUnitTreeDataOptions {
  /** Leave out this unit and everything below it (a unit cannot move under itself). */
  excludeSubtreeOf?: Pick<OrgUnit, 'path'>
  /** Units that are shown (for orientation) but cannot be chosen. */
  isSelectable?: (unit: OrgUnit) => boolean
}

/** Flat org units → the nested options of an Ant Design TreeSelect, titled by unit name. */
export function toOrgUnitTreeData(
  units: readonly OrgUnit[],
  { excludeSubtreeOf, isSelectable }: OrgUnitTreeDataOptions = {},
): OrgUnitTreeOption[] {
  const kept = excludeSubtreeOf ? units.filter((u) => !u.path.startsWith(excludeSubtreeOf.path)) : units
  const toOption = (node: TreeNode<OrgUnit>): OrgUnitTreeOption => ({
    value: node.id,
    title: node.name,
    ...(isSelectable && !isSelectable(node) ? { disabled: true } : {}),
    children: node.children.map(toOption),
  })
  return buildOrgUnitTree(kept).map(toOption)
}

/**
 * The nodes to open at first: the top of the user's scope and the level below it, so an administrator
 * sees 湖北省 → 黄石市 → 大冶市 and a county user sees their county's towns and departments.
 */
export function topLevelKeys<T extends { children: readonly T[] }>(
  roots: readonly T[],
  keyOf: (node: T) => string,
  levels = 2,
): string[] {
  if (levels <= 0) return []
  return roots.flatMap((node) => [keyOf(node), ...topLevelKeys(node.children, keyOf, levels - 1)])
}
