import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeCreditCodeCheckCharacter } from './credit-code'
import { createEnterpriseIndex } from './enterprise-index'
import {
  linkEnterpriseRecord,
  linkEnterpriseRecords,
  orderReviewQueue,
  reviewUncertainty,
} from './link-records'
import type { CanonicalEnterprise } from './registers.schemas'

function creditCode(first17: string): string {
  return first17 + computeCreditCodeCheckCharacter(first17)
}

const HONGTAI_CODE = creditCode('91420281MA4BXQ7U2')

// A small 黄石 register: names of the seed data's style, codes and people made up.
const REGISTER: CanonicalEnterprise[] = [
  {
    id: 'hs-1',
    name: '大冶宏泰铝业有限公司',
    regionCode: '420281',
    creditCode: HONGTAI_CODE,
    legalRepresentative: '王强',
  },
  { id: 'hs-2', name: '阳新宏泰铝业有限公司', regionCode: '420222', legalRepresentative: '李娜' },
  {
    id: 'hs-3',
    name: '湖北祥邦科技有限公司',
    regionCode: '420281',
    legalRepresentative: '陈明',
    aliases: ['祥邦'],
    formerNames: [{ name: '湖北祥邦新材料有限公司', validFrom: '2012-03-01', validTo: '2019-12-31' }],
  },
  { id: 'hs-4', name: '华新水泥股份有限公司', regionCode: '420202' },
  { id: 'hs-5', name: '华新水泥（大冶）有限公司', regionCode: '420281' },
  { id: 'hs-6', name: '湖北普罗格智芯科技有限公司', regionCode: '420281', legalRepresentative: '刘洋' },
  { id: 'hs-7', name: '黄石三丰智能装备有限公司', regionCode: '420204' },
  // Neighbours with common 字号 and 行业, so term frequencies mean something.
  ...Array.from('东南西北中天地玄黄宇宙洪荒日月盈昃辰宿列张', (c, i) => ({
    id: `hs-f${i}`,
    name: `大冶${c}华科技有限公司`,
    regionCode: i % 2 === 0 ? '420281' : '420222',
  })),
]
const index = createEnterpriseIndex(REGISTER)

describe('deterministic links', () => {
  it('links by credit code whatever the name says', () => {
    expect(linkEnterpriseRecord(index, { name: '完全不同的名字', creditCode: HONGTAI_CODE })).toMatchObject({
      outcome: 'linked',
      enterpriseId: 'hs-1',
      method: 'credit_code',
      probability: 1,
    })
  })

  it('links a 简称 of the registered name in the same county', () => {
    expect(linkEnterpriseRecord(index, { name: '宏泰铝业', regionCode: '420281' })).toMatchObject({
      outcome: 'linked',
      enterpriseId: 'hs-1',
      method: 'exact_name',
    })
  })

  it('links a name whose own place pins the county when the list only knows the city', () => {
    expect(
      linkEnterpriseRecord(index, { name: '湖北省黄石市大冶市宏泰铝业有限责任公司', regionCode: '420200' }),
    ).toMatchObject({
      enterpriseId: 'hs-1',
      method: 'exact_name',
    })
  })

  it('does not pick one of two same-named enterprises of a city for a record known only to the city', () => {
    const decision = linkEnterpriseRecord(index, { name: '宏泰铝业有限公司', regionCode: '420200' })
    expect(decision.outcome).toBe('review')
    expect(
      decision.candidates
        .slice(0, 2)
        .map((c) => c.enterpriseId)
        .sort(),
    ).toEqual(['hs-1', 'hs-2'])
    expect(decision.probability).toBeLessThan(0.5)
  })

  it('tells 华新水泥（大冶） from 华新水泥 by the county', () => {
    expect(linkEnterpriseRecord(index, { name: '华新水泥有限公司', regionCode: '420281' }).enterpriseId).toBe(
      'hs-5',
    )
    expect(linkEnterpriseRecord(index, { name: '华新水泥', regionCode: '420202' }).enterpriseId).toBe('hs-4')
  })

  it('links a 曾用名 only while it was in use (with a year of grace)', () => {
    const record = { name: '湖北祥邦新材料有限公司', regionCode: '420281' }
    expect(linkEnterpriseRecord(index, { ...record, asOfDate: '2019-05-01' })).toMatchObject({
      enterpriseId: 'hs-3',
      method: 'exact_name',
    })
    expect(linkEnterpriseRecord(index, { ...record, asOfDate: '2023-05-01' }).method).not.toBe('exact_name')
  })

  it('never links a branch to its parent automatically', () => {
    const decision = linkEnterpriseRecord(index, {
      name: '湖北祥邦科技有限公司阳新分公司',
      regionCode: '420222',
    })
    expect(decision.outcome).not.toBe('linked')
  })

  it('never suggests an enterprise a reviewer has already rejected for the record', () => {
    const decision = linkEnterpriseRecord(
      index,
      { name: '宏泰铝业', regionCode: '420281' },
      { excludedEnterpriseIds: new Set(['hs-1']) },
    )
    expect(decision.enterpriseId).not.toBe('hs-1')
    expect(decision.candidates.map((c) => c.enterpriseId)).not.toContain('hs-1')
  })

  it('links every enterprise of the register from its own name and region (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGISTER), (enterprise) => {
        const decision = linkEnterpriseRecord(index, {
          name: enterprise.name,
          regionCode: enterprise.regionCode,
        })
        expect(decision).toMatchObject({ outcome: 'linked', enterpriseId: enterprise.id })
      }),
    )
  })
})

describe('probabilistic links', () => {
  it('does not link a look-alike with another 行业 in the same county', () => {
    const decision = linkEnterpriseRecord(index, { name: '大冶宏泰建材有限公司', regionCode: '420281' })
    expect(decision.outcome).not.toBe('linked')
  })

  it('queues a one-character typo on its own, since a neighbour may really be called so', () => {
    const decision = linkEnterpriseRecord(index, { name: '大冶宏秦铝业有限公司', regionCode: '420281' })
    expect(decision.outcome).toBe('review')
    expect(decision.candidates[0]?.enterpriseId).toBe('hs-1')
  })

  it('links a one-character typo that the legal representative confirms, and explains why', () => {
    const decision = linkEnterpriseRecord(index, {
      name: '大冶宏秦铝业有限公司',
      regionCode: '420281',
      legalRepresentative: '王强',
    })
    expect(decision).toMatchObject({ outcome: 'linked', enterpriseId: 'hs-1', method: 'probabilistic' })
    const best = decision.candidates[0]!
    const sum = best.terms.reduce((total, term) => total + term.weight, 0)
    expect(sum).toBeCloseTo(best.weight, 9)
    expect(best.terms.map((t) => t.field)).toEqual([
      'prior',
      'tradeName',
      'industry',
      'branch',
      'region',
      'legalRepresentative',
    ])
    expect(best.terms[1]!.label).toBe('字号“宏秦”与“宏泰”相近')
    expect(best.terms.at(-1)!.label).toContain('法定代表人“王强”相同')
  })

  it('finds nothing for a name unlike any in the register', () => {
    expect(
      linkEnterpriseRecord(index, { name: '武汉光谷量子通信有限公司', regionCode: '420100' }),
    ).toMatchObject({
      outcome: 'no_match',
      enterpriseId: null,
    })
  })

  it('shares the probability between candidates so it never sums above one', () => {
    const decision = linkEnterpriseRecord(index, { name: '宏泰铝业有限公司', regionCode: '420200' })
    const total = decision.candidates.reduce((sum, c) => sum + c.probability, 0)
    expect(total).toBeLessThanOrEqual(1)
    for (const c of decision.candidates) expect(c.probability).toBeLessThanOrEqual(c.pairProbability)
  })

  it('links a list in order, one decision per record', () => {
    const decisions = linkEnterpriseRecords(index, [
      { name: '宏泰铝业', regionCode: '420281' },
      { name: '普罗格智芯', regionCode: '420281' },
    ])
    expect(decisions.map((d) => d.enterpriseId)).toEqual(['hs-1', null])
    expect(decisions[1]!.candidates[0]?.enterpriseId).toBe('hs-6')
  })
})

describe('review queue', () => {
  it('puts the most uncertain suggestions first, ties in input order', () => {
    const items = [0.06, 0.97, 0.5, 0.4, 0.6].map((probability, i) => ({ id: i, probability }))
    expect(orderReviewQueue(items).map((i) => i.id)).toEqual([2, 3, 4, 0, 1])
    expect(reviewUncertainty(0.5)).toBe(1)
    expect(reviewUncertainty(1)).toBe(0)
  })
})
