import { describe, expect, it } from 'vitest'
import { describeMatch, REASON_TERMS_MAX } from './describe-match'

const term = (text: string, share: number) => ({ term: text, share, fields: [] })

describe('describeMatch', () => {
  it('names the shared terms in score order and the common industry', () => {
    const reason = describeMatch(
      { sharedTerms: [term('正极材料', 0.6), term('锂电池', 0.3)], industryMatch: true },
      '新材料',
    )
    expect(reason).toBe('共同技术词：正极材料、锂电池；同属新材料领域')
  })

  it('leaves the industry out when the record is of another industry', () => {
    expect(describeMatch({ sharedTerms: [term('铜合金', 1)], industryMatch: false }, '新材料')).toBe(
      '共同技术词：铜合金',
    )
  })

  it(`names at most ${REASON_TERMS_MAX} terms`, () => {
    const sharedTerms = ['一一', '二二', '三三', '四四', '五五', '六六'].map((t) => term(t, 0.1))
    expect(describeMatch({ sharedTerms, industryMatch: false }, null)).toBe(
      '共同技术词：一一、二二、三三、四四、五五',
    )
  })

  it('still gives a reason when only the industry or nothing in particular is shared', () => {
    expect(describeMatch({ sharedTerms: [], industryMatch: true }, '电子信息')).toBe('同属电子信息领域')
    expect(describeMatch({ sharedTerms: [], industryMatch: false }, '电子信息')).toBe('文字表述相近')
  })
})
