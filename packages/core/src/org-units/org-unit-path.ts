/**
 * Org units are stored with a materialised path of ids, `/rootId/childId/…/ownId/`, so "this unit and
 * everything below it" — a user's data scope — is one prefix comparison that an index can serve.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`
}

/** Whether the unit at `path` lies inside the subtree rooted at `scopePath` (a unit is inside its own subtree). */
export function isWithinScope(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath)
}

/** Depth of a path: the root has depth 0. */
export function pathDepth(path: string): number {
  return path.split('/').filter(Boolean).length - 1
}

/** Ids from the root down to the unit itself. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean)
}

/** Moving a unit under one of its own descendants (or itself) would cut the subtree off the tree. */
export function wouldCreateCycle(unitPath: string, newParentPath: string): boolean {
  return isWithinScope(newParentPath, unitPath)
}

/** The path a descendant gets when its ancestor moves from `oldPrefix` to `newPrefix`. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error(`path ${path} is not under ${oldPrefix}`)
  return newPrefix + path.slice(oldPrefix.length)
}
