import { describe, expect, it } from 'vitest'
import {
  compareCandidate,
  compareIndustries,
  compareLegalRepresentatives,
  compareTradeNames,
  createRecordScoring,
  explainComparison,
  regionU,
} from './compare-candidate'
import { createEnterpriseIndex } from './enterprise-index'
import { prepareEnterprise, prepareIncomingRecord } from './prepared-record'
import type { CanonicalEnterprise } from './registers.schemas'

const INDUSTRIES = ['科技', '电子', '建材', '铝业', '纺织', '食品', '物流', '商贸']
const COUNTIES = ['420281', '420222', '420202', '420203', '420204']
// 40 enterprises with the 字号 华新 and 40 in 科技 make those values common; 普罗格智芯 and 换热器 are rare.
const REGISTER: CanonicalEnterprise[] = [
  ...INDUSTRIES.flatMap((industry) =>
    COUNTIES.map((regionCode) => ({
      id: `hx-${industry}-${regionCode}`,
      name: `华新${industry}有限公司`,
      regionCode,
    })),
  ),
  ...Array.from('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥东南西北中春夏秋冬梅兰竹菊松柏', (c, i) => ({
    id: `kj-${i}`,
    name: `${c}${c}科技有限公司`,
    regionCode: COUNTIES[i % COUNTIES.length],
  })),
  { id: 'rare', name: '大冶普罗格智芯科技有限公司', regionCode: '420281' },
  { id: 'heat', name: '大冶迪峰换热器有限公司', regionCode: '420281', legalRepresentative: '王强' },
]
const index = createEnterpriseIndex(REGISTER)

function compare(recordName: string, id: string, regionCode = '420281', legalRepresentative?: string) {
  const position = index.enterprises.findIndex((e) => e.id === id)
  const record = prepareIncomingRecord({ name: recordName, regionCode, legalRepresentative })
  const scoring = createRecordScoring(index, record)
  const comparison = compareCandidate(index, scoring, index.enterprises[position]!, position)
  return { comparison, record }
}

describe('comparison levels', () => {
  it('grades 字号 as exact, one edit, 简称, similar or different', () => {
    expect(compareTradeNames('祥邦', '祥邦')).toBe('exact')
    expect(compareTradeNames('普罗格', '普罗歌')).toBe('one_edit')
    expect(compareTradeNames('普罗格', '普罗格智芯')).toBe('abbreviation')
    expect(compareTradeNames('华新', '华兴')).toBe('similar')
    expect(compareTradeNames('华新', '祥邦')).toBe('different')
  })

  it('grades 行业 as exact, related (a shared word), different or missing', () => {
    const [a, b, c, d] = ['宏泰新材料', '宏泰新材料科技', '宏泰建材', '宏泰'].map(
      (n) => prepareIncomingRecord({ name: n }).names[0]!,
    )
    expect(compareIndustries(a!, a!)).toBe('exact')
    expect(compareIndustries(a!, b!)).toBe('related')
    expect(compareIndustries(a!, c!)).toBe('different')
    expect(compareIndustries(a!, d!)).toBe('missing')
  })

  it('grades legal representatives as exact, similar or different', () => {
    expect(compareLegalRepresentatives('王小明', '王小明')).toBe('exact')
    expect(compareLegalRepresentatives('王小明', '王晓明')).toBe('similar')
    expect(compareLegalRepresentatives('王小明', '李娜')).toBe('different')
    expect(compareLegalRepresentatives(null, '李娜')).toBe('missing')
  })
})

describe('term frequencies', () => {
  it('lets a rare 字号 outweigh a common one', () => {
    const rare = compare('普罗格智芯科技', 'rare').comparison
    const common = compare('华新科技', 'hx-科技-420281').comparison
    expect(rare.tradeName).toBe('exact')
    expect(common.tradeName).toBe('exact')
    expect(rare.weights.tradeName).toBeGreaterThan(common.weights.tradeName + 3)
  })

  it('lets a rare 行业 (换热器) outweigh 科技', () => {
    expect(compare('迪峰换热器', 'heat').comparison.weights.industry).toBeGreaterThan(
      compare('普罗格智芯科技', 'rare').comparison.weights.industry + 2,
    )
  })

  it('weighs a region agreement by how few enterprises share the record region', () => {
    const inDaye = REGISTER.filter((e) => e.regionCode === '420281').length
    expect(regionU(index, '420281', 'same_county')).toBeCloseTo(inDaye / REGISTER.length)
    expect(regionU(index, '430100', 'different_province')).toBe(1)
    expect(compare('普罗格智芯科技', 'rare', '430100').comparison.weights.region).toBeLessThan(-5)
  })
})

describe('explainComparison', () => {
  it('gives one Chinese term per field that carries evidence, summing to the weight', () => {
    const { comparison, record } = compare('迪峰换热器', 'heat', '420281', '王强')
    const enterprise = prepareEnterprise(REGISTER.find((e) => e.id === 'heat')!)
    const terms = explainComparison(index, record, enterprise, comparison)
    expect(terms.map((t) => t.field)).toEqual([
      'prior',
      'tradeName',
      'industry',
      'branch',
      'region',
      'legalRepresentative',
    ])
    expect(terms.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(comparison.weight, 9)
    expect(terms[1]!.label).toBe('字号“迪峰”相同（库中 1 家使用此字号）')
    expect(terms[4]!.label).toContain('同一区县')
  })

  it('leaves out fields missing on either side', () => {
    const { comparison, record } = compare('普罗格智芯', 'rare')
    const enterprise = prepareEnterprise(REGISTER.find((e) => e.id === 'rare')!)
    const fields = explainComparison(index, record, enterprise, comparison).map((t) => t.field)
    expect(fields).not.toContain('legalRepresentative')
    expect(fields).not.toContain('industry')
  })
})
