import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { childPath, isWithinScope, pathDepth, pathIds, rebasePath, wouldCreateCycle } from './org-unit-path'

const id = fc.uuid()
const chain = fc.array(id, { minLength: 1, maxLength: 6 })
const pathOf = (ids: string[]) => ids.reduce<string | null>((parent, next) => childPath(parent, next), null)!

describe('org-unit paths', () => {
  it('builds a path from the root down to the unit', () => {
    expect(childPath(null, 'a')).toBe('/a/')
    expect(childPath('/a/', 'b')).toBe('/a/b/')
    expect(pathIds('/a/b/c/')).toEqual(['a', 'b', 'c'])
    expect(pathDepth('/a/')).toBe(0)
    expect(pathDepth('/a/b/c/')).toBe(2)
  })

  it('puts a unit inside its own scope and its ancestors’ scopes, not its siblings’', () => {
    expect(isWithinScope('/a/b/', '/a/b/')).toBe(true)
    expect(isWithinScope('/a/b/c/', '/a/')).toBe(true)
    expect(isWithinScope('/a/c/', '/a/b/')).toBe(false)
    expect(isWithinScope('/a/', '/a/b/')).toBe(false)
  })

  it('does not confuse an id with another that starts the same way', () => {
    // The trailing slash keeps /a/b1/ out of the scope /a/b/.
    expect(isWithinScope('/a/b1/', '/a/b/')).toBe(false)
  })

  it('finds every descendant of a unit inside its scope (property)', () => {
    fc.assert(
      fc.property(chain, chain, (above, below) => {
        const scope = pathOf(above)
        const descendant = below.reduce((parent, next) => childPath(parent, next), scope)
        expect(isWithinScope(descendant, scope)).toBe(true)
        expect(pathDepth(descendant)).toBe(above.length + below.length - 1)
      }),
    )
  })

  it('refuses moving a unit under itself or its descendants, allows elsewhere', () => {
    expect(wouldCreateCycle('/a/b/', '/a/b/')).toBe(true)
    expect(wouldCreateCycle('/a/b/', '/a/b/c/')).toBe(true)
    expect(wouldCreateCycle('/a/b/', '/a/')).toBe(false)
    expect(wouldCreateCycle('/a/b/', '/a/c/')).toBe(false)
  })

  it('rebases a descendant path when its ancestor moves, keeping the part below (property)', () => {
    fc.assert(
      fc.property(chain, chain, chain, (oldAbove, newAbove, below) => {
        const oldPrefix = pathOf(oldAbove)
        const newPrefix = pathOf(newAbove)
        const path = below.reduce((parent, next) => childPath(parent, next), oldPrefix)
        const moved = rebasePath(path, oldPrefix, newPrefix)
        expect(isWithinScope(moved, newPrefix)).toBe(true)
        expect(pathIds(moved).slice(-below.length)).toEqual(below)
      }),
    )
  })

  it('will not rebase a path that is not under the old prefix', () => {
    expect(() => rebasePath('/x/y/', '/a/', '/b/')).toThrow()
  })
})
