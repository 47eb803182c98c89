import { describe, expect, it } from 'vitest'
import {
  ADMINISTRATIVE_DIVISIONS,
  findDivision,
  matchDivisionPrefix,
  matchDivisionSuffix,
} from './administrative-divisions'

describe('administrative divisions', () => {
  it('carries the eight codes of the seed data', () => {
    const codes = Object.fromEntries(
      ['湖北省', '黄石市', '黄石港区', '西塞山区', '下陆区', '铁山区', '阳新县', '大冶市'].map((n) => [
        n,
        findDivision(n)?.code,
      ]),
    )
    expect(codes).toEqual({
      湖北省: '420000',
      黄石市: '420200',
      黄石港区: '420202',
      西塞山区: '420203',
      下陆区: '420204',
      铁山区: '420205',
      阳新县: '420222',
      大冶市: '420281',
    })
  })

  it('finds a place by its short form (湖北, 黄石, 大冶)', () => {
    expect(findDivision('大冶')?.name).toBe('大冶市')
    expect(findDivision('内蒙古')?.name).toBe('内蒙古自治区')
  })

  it('gives a Hubei county outside 黄石 its city code, and a 大冶 town 大冶 code', () => {
    expect(findDivision('江夏区')).toMatchObject({ level: 'county', code: '420100' })
    expect(findDivision('还地桥镇')).toMatchObject({ level: 'town', code: '420281' })
  })

  it('has no short form that is a single character or a common word', () => {
    expect(findDivision('青山')).toBeUndefined()
    expect(findDivision('公安')).toBeUndefined()
    for (const d of ADMINISTRATIVE_DIVISIONS)
      if (d.shortName !== null) expect(d.shortName.length).toBeGreaterThanOrEqual(2)
  })

  it('matches the longest place at the start or the end of a name', () => {
    expect(matchDivisionPrefix('黄石港区XX')?.division.name).toBe('黄石港区')
    expect(matchDivisionPrefix('黄石XX')?.division.name).toBe('黄石市')
    expect(matchDivisionPrefix('宏泰铝业')).toBeNull()
    expect(matchDivisionSuffix('祥捷电子松滋市')?.written).toBe('松滋市')
  })
})
