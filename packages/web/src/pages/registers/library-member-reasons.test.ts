import { describe, expect, it } from 'vitest'
import { memberReasons } from './library-member-reasons'

const curation = {
  id: '00000000-0000-4000-8000-000000000001',
  library: 'hnte_reserve' as const,
  memberKind: 'enterprise' as const,
  memberId: '00000000-0000-4000-8000-000000000002',
  reason: '资格预评价建议已采纳',
  userName: '张科员',
  createdAt: '2026-03-01T02:30:00.000Z',
  withdrawnAt: null,
}

describe('memberReasons', () => {
  it('shows the rule reason of a rule member', () => {
    expect(memberReasons({ isRuleMember: true, ruleReason: '研发费用占比 4.0%', curation: null })).toEqual([
      { kind: 'rule', label: '规则', text: '研发费用占比 4.0%', by: null },
    ])
  })

  it('shows a manual addition with who and when (China time), and not the rule that leaves it out', () => {
    expect(
      memberReasons({
        isRuleMember: false,
        ruleReason: '无研发费用数据',
        curation: { ...curation, action: 'add' },
      }),
    ).toEqual([
      { kind: 'add', label: '人工加入', text: '资格预评价建议已采纳', by: '张科员 于 2026-03-01 10:30' },
    ])
  })

  it('puts a removal before the rule it overrides', () => {
    const reasons = memberReasons({
      isRuleMember: true,
      ruleReason: '研发费用占比 4.0%',
      curation: { ...curation, action: 'remove', reason: '已迁出' },
    })
    expect(reasons.map((r) => r.kind)).toEqual(['remove', 'rule'])
  })
})
