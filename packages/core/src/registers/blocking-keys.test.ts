import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockingKeyHash, blockingKeyHashesOf, blockingKeysOf } from './blocking-keys'
import { prepareIncomingRecord } from './prepared-record'

describe('blocking keys', () => {
  it('derives one equi-join key per rule', () => {
    const keys = blockingKeysOf(
      prepareIncomingRecord({
        name: '大冶宏泰铝业有限公司',
        regionCode: '420281',
        legalRepresentative: '张伟',
      }),
    )
    expect(keys).toEqual([
      'key|宏泰铝业',
      'trade_name|宏泰',
      'city_trade_prefix|4202|宏泰',
      'city_industry_first|4202|铝业|宏',
      'city_industry_last|4202|铝业|泰',
      'legal_representative|42|张伟',
    ])
  })

  it('hashes the same keys for the index, distinct keys to distinct numbers', () => {
    const record = prepareIncomingRecord({ name: '大冶宏泰铝业有限公司', regionCode: '420281' })
    const hashes = blockingKeyHashesOf(record)
    expect(hashes).toHaveLength(blockingKeysOf(record).length)
    expect(new Set(hashes).size).toBe(hashes.length)
    expect(hashes[0]).toBe(blockingKeyHash('key', '宏泰铝业'))
    expect(blockingKeyHash('key', '宏泰', '铝业')).not.toBe(blockingKeyHash('key', '宏泰铝业'))
    expect(Number.isSafeInteger(hashes[0])).toBe(true)
  })

  it('uses only the name rules when the region is unknown', () => {
    expect(blockingKeysOf(prepareIncomingRecord({ name: '宏泰铝业', legalRepresentative: '张伟' }))).toEqual([
      'key|宏泰铝业',
      'trade_name|宏泰',
    ])
  })

  it('lets a one-character typo anywhere in the 字号 share a key when region and 行业 are known (property)', () => {
    const char = fc.constantFrom(...Array.from('华新宏泰鑫东兴达盛祥邦瑞信恒通'))
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 2, maxLength: 4 }),
        fc.nat(),
        char,
        (chars, at, replacement) => {
          const tradeName = chars.join('')
          const typo = chars.map((c, i) => (i === at % chars.length ? replacement : c)).join('')
          const keysOf = (t: string) =>
            new Set(blockingKeysOf(prepareIncomingRecord({ name: `${t}铝业有限公司`, regionCode: '420281' })))
          const original = keysOf(tradeName)
          expect([...keysOf(typo)].some((k) => original.has(k))).toBe(true)
        },
      ),
    )
  })
})
