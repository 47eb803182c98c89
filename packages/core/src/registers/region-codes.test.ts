import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  areRegionCodesCompatible,
  compareRegionCodes,
  refineRegionCode,
  regionGranularity,
} from './region-codes'

describe('region codes', () => {
  it('reads the granularity from the trailing zeros', () => {
    expect(regionGranularity('420000')).toBe('province')
    expect(regionGranularity('420200')).toBe('city')
    expect(regionGranularity('420281')).toBe('county')
  })

  it('grades agreement at the coarser of the two codes', () => {
    expect(compareRegionCodes('420281', '420281')).toBe('same_county')
    expect(compareRegionCodes('420200', '420281')).toBe('within_city')
    expect(compareRegionCodes('420200', '420200')).toBe('within_city')
    expect(compareRegionCodes('420222', '420281')).toBe('same_city')
    expect(compareRegionCodes('420100', '420281')).toBe('same_province')
    expect(compareRegionCodes('420000', '420281')).toBe('same_province')
    expect(compareRegionCodes('430100', '420281')).toBe('different_province')
    expect(compareRegionCodes(null, '420281')).toBe('unknown')
  })

  it('treats 黄石市 as compatible with 大冶市 but 阳新县 not', () => {
    expect(areRegionCodesCompatible('420200', '420281')).toBe(true)
    expect(areRegionCodesCompatible('420222', '420281')).toBe(false)
    expect(areRegionCodesCompatible('420000', '420281')).toBe(true)
  })

  it('refines a record code by a finer compatible code from the name, never against it', () => {
    expect(refineRegionCode('420200', '420281')).toBe('420281')
    expect(refineRegionCode('420281', '420200')).toBe('420281')
    expect(refineRegionCode('420222', '420281')).toBe('420222')
    expect(refineRegionCode(null, '420281')).toBe('420281')
  })

  it('is symmetric (property)', () => {
    const code = fc.constantFrom(
      '420000',
      '420200',
      '420281',
      '420222',
      '420100',
      '420111',
      '430100',
      '430000',
    )
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(compareRegionCodes(a, b)).toBe(compareRegionCodes(b, a))
        expect(areRegionCodesCompatible(a, b)).toBe(areRegionCodesCompatible(b, a))
      }),
    )
  })
})
