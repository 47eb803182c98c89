import { describe, expect, it } from 'vitest'
import { ORG_UNIT_TYPES, allowedChildTypes, canContain } from './org-unit-types'

describe('org-unit type hierarchy', () => {
  it('lets a county hold towns, parks and departments', () => {
    expect(canContain('county', 'township')).toBe(true)
    expect(canContain('county', 'park')).toBe(true)
    expect(canContain('county', 'department')).toBe(true)
  })

  it('never puts a higher administrative level under a lower one', () => {
    expect(canContain('county', 'city')).toBe(false)
    expect(canContain('township', 'county')).toBe(false)
    expect(canContain('city', 'province')).toBe(false)
  })

  it('lets a functional zone administer towns (园区托管乡镇)', () => {
    expect(canContain('functional_zone', 'township')).toBe(true)
  })

  it('places no unit under a province except through the listed kinds, and nothing under itself as province', () => {
    for (const type of ORG_UNIT_TYPES) expect(canContain(type, 'province')).toBe(false)
    expect(allowedChildTypes('department')).toEqual(['department'])
  })
})
