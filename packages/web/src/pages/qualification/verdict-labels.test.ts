import { describe, expect, it } from 'vitest'
import type { VerdictResponse } from '@kechuang/core/qualification'
import { describeMissingField, reviewReasons } from './verdict-labels'

const condition = (id: string, status: VerdictResponse['conditions'][number]['status']) => ({
  id,
  basis: '',
  status,
  inputs: {},
  explanation: { zh: '', en: '' },
})

const verdict = (
  conditions: ReturnType<typeof condition>[],
  reviewConditions: string[],
): VerdictResponse => ({
  ruleSet: 'tsme-2022',
  qualified: 'needs-review',
  route: null,
  scoreBand: { min: 0, max: 100 },
  failedConditions: [],
  reviewConditions,
  conditions,
  indicators: [],
  interpretations: [],
  summary: { zh: '', en: '' },
})

describe('describeMissingField', () => {
  it('names a figure by its Chinese label, and a fiscal-year figure by its position', () => {
    expect(describeMissingField('employeeCount')).toBe('职工总数')
    expect(describeMissingField('fiscalYears.2.rdExpenseWanYuan')).toBe('第 3 个会计年度的研发费用总额')
    expect(describeMissingField('somethingElse')).toBe('somethingElse')
  })
})

describe('reviewReasons', () => {
  it('says whether a review is for an expert, for missing data, or both', () => {
    const conditions = [
      condition('A', 'insufficient-data'),
      condition('B', 'needs-judgement'),
      condition('C', 'pass'),
    ]
    expect(reviewReasons(verdict(conditions, ['A']))).toEqual(['数据不足'])
    expect(reviewReasons(verdict(conditions, ['A', 'B']))).toEqual(['需专家判断', '数据不足'])
    expect(reviewReasons(verdict(conditions, ['TSME-R-led-standard']))).toEqual(['需专家判断'])
  })
})
