import { describe, expect, it } from 'vitest'
import { describeProposalReason } from './proposal-reason'

describe('describeProposalReason', () => {
  it('quotes each failed condition with its gap, then names what is still to be checked', () => {
    const reason = describeProposalReason(3, [
      {
        id: 'HNTE-5-rd-ratio',
        status: 'fail',
        text: '研发费用占比 3.60%，需 ≥ 4%（最近一年销售收入 8000 万元），还差 96.00 万元。',
        gap: { amount: 96, unit: '万元', text: '还差 96.00 万元' },
      },
      { id: 'HNTE-3-tech-domain', status: 'needs-judgement', text: '…', gap: null },
      { id: 'HNTE-8-no-major-incident', status: 'insufficient-data', text: '…', gap: null },
    ])
    expect(reason).toBe(
      '高企预评价排名第 3：研发费用占比 3.60%，需 ≥ 4%（最近一年销售收入 8000 万元），还差 96.00 万元；待核实：核心技术领域、重大安全、质量事故及环境违法。',
    )
  })

  it('says so when nothing is open', () => {
    expect(describeProposalReason(1, [])).toBe('高企预评价排名第 1：各项条件均已满足。')
  })
})
