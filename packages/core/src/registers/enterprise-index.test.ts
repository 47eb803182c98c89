import { describe, expect, it } from 'vitest'
import {
  countEnterprisesWithKey,
  createEnterpriseIndex,
  enterprisesWithKey,
  findCandidates,
  withLinkingModel,
} from './enterprise-index'
import { DEFAULT_LINKING_MODEL } from './linking-model'
import { prepareIncomingRecord } from './prepared-record'

const enterprises = [
  { id: 'a', name: '大冶宏泰铝业有限公司', regionCode: '420281', legalRepresentative: '张伟' },
  { id: 'b', name: '阳新宏泰建材有限公司', regionCode: '420222' },
  { id: 'c', name: '武汉宏泰科技有限公司', regionCode: '420106' },
  { id: 'd', name: '大冶祥邦科技有限公司', regionCode: '420281', aliases: ['宏泰新材料'] },
  { id: 'e', name: '黄石普罗格智芯科技有限公司', regionCode: '420200', creditCode: '91420281MA4BXQ7U2B' },
]

describe('createEnterpriseIndex', () => {
  const index = createEnterpriseIndex(enterprises)

  it('counts enterprises per 字号 over all their names, each once (term frequency)', () => {
    expect(countEnterprisesWithKey(index, 'trade_name', '宏泰')).toBe(4)
    expect(countEnterprisesWithKey(index, 'key', '宏泰铝业')).toBe(1)
    expect(countEnterprisesWithKey(index, 'trade_name', '无此字号')).toBe(0)
    expect(index.industryCounts.get('科技')).toBe(3)
  })

  it('indexes credit codes and region counts', () => {
    expect(index.byCreditCode.get('91420281MA4BXQ7U2B')).toBe(4)
    expect(index.regionCounts.total).toBe(5)
    expect(index.regionCounts.byPrefix.get('4202')).toBe(4)
    expect(index.regionCounts.byPrefix.get('420281')).toBe(2)
  })

  it('finds the enterprises that share a blocking key with a record, and no others', () => {
    const search = findCandidates(index, prepareIncomingRecord({ name: '宏泰铝材', regionCode: '420281' }))
    expect(search.positions.map((p) => index.enterprises[p]!.id).sort()).toEqual(['a', 'b', 'c', 'd'])
    const unrelated = findCandidates(
      index,
      prepareIncomingRecord({ name: '光谷量子通信', regionCode: '420100' }),
    )
    expect(unrelated.positions).toEqual([])
  })

  it('returns each candidate once even when several keys lead to it', () => {
    const search = findCandidates(
      index,
      prepareIncomingRecord({ name: '大冶宏泰铝业有限公司', regionCode: '420281' }),
    )
    expect(new Set(search.positions).size).toBe(search.positions.length)
  })

  it('leaves out blocks over the size cap and says how many', () => {
    const capped = createEnterpriseIndex(enterprises, { maxBlockSize: 1 })
    const search = findCandidates(capped, prepareIncomingRecord({ name: '宏泰', regionCode: '420281' }))
    expect(search.skippedBlocks).toBeGreaterThan(0)
    expect(enterprisesWithKey(capped, 'trade_name', '宏泰')).toHaveLength(4)
  })

  it('swaps the model without rebuilding', () => {
    const model = { ...DEFAULT_LINKING_MODEL, autoLinkProbability: 0.999 }
    const swapped = withLinkingModel(index, model)
    expect(swapped.model.autoLinkProbability).toBe(0.999)
    expect(swapped.postings).toBe(index.postings)
  })
})
