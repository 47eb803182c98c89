import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bigramJaccard,
  characterBigrams,
  isAbbreviationOf,
  isOneEditApart,
  jaroWinkler,
} from './name-similarity'

const cjkText = fc
  .array(fc.constantFrom(...Array.from('华新宏泰鑫东兴达盛祥邦瑞信')), { maxLength: 6 })
  .map((c) => c.join(''))

describe('name similarity', () => {
  it('builds character bigrams, a single character standing for itself', () => {
    expect([...characterBigrams('阿里巴巴')]).toEqual(['阿里', '里巴', '巴巴'])
    expect([...characterBigrams('华')]).toEqual(['华'])
  })

  it('scores 阿里巴巴集团控股 against 阿里巴巴集团 above zero (bigrams need no spaces)', () => {
    expect(bigramJaccard('阿里巴巴集团控股', '阿里巴巴集团')).toBeCloseTo(5 / 7)
  })

  it('computes Jaro–Winkler on characters (王小明 / 王晓明 = 0.80)', () => {
    expect(jaroWinkler('王小明', '王晓明')).toBeCloseTo(0.8, 5)
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4)
    expect(jaroWinkler('', '')).toBe(1)
  })

  it('finds one substitution, insertion or deletion, and no more', () => {
    expect(isOneEditApart('普罗格', '普罗歌')).toBe(true)
    expect(isOneEditApart('普罗格', '普罗格智')).toBe(true)
    expect(isOneEditApart('普罗格智芯', '普罗格芯')).toBe(true)
    expect(isOneEditApart('普罗格', '普罗格')).toBe(false)
    expect(isOneEditApart('普罗格', '普歌各')).toBe(false)
  })

  it('reads a 简称 as an ordered subsequence with the same first character', () => {
    expect(isAbbreviationOf('大冶特钢', '大冶特殊钢')).toBe(true)
    expect(isAbbreviationOf('普罗格', '普罗格智芯')).toBe(true)
    expect(isAbbreviationOf('罗格', '普罗格智芯')).toBe(false)
    expect(isAbbreviationOf('普', '普罗格')).toBe(false)
  })

  it('keeps Jaccard and Jaro–Winkler in [0, 1], symmetric, and 1 on equal strings (property)', () => {
    fc.assert(
      fc.property(cjkText, cjkText, (a, b) => {
        for (const f of [bigramJaccard, jaroWinkler]) {
          expect(f(a, b)).toBeGreaterThanOrEqual(0)
          expect(f(a, b)).toBeLessThanOrEqual(1)
          expect(f(a, a)).toBe(1)
        }
        expect(bigramJaccard(a, b)).toBe(bigramJaccard(b, a))
        expect(isOneEditApart(a, b)).toBe(isOneEditApart(b, a))
      }),
    )
  })
})
