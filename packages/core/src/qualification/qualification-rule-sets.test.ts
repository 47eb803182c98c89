import { describe, expect, it } from 'vitest'
import { findEffectiveRuleSet, QUALIFICATION_RULE_SETS, RULE_SET_IDS } from './qualification-rule-sets'

describe('rule-set registry (spec §1)', () => {
  it('lists both rule sets with their versions and effective dates', () => {
    expect(RULE_SET_IDS).toEqual(['tsme-2022', 'hnte-2016'])
    expect(QUALIFICATION_RULE_SETS['tsme-2022']).toMatchObject({
      scheme: 'tsme',
      effectiveFrom: '2022-01-01',
      version: '1.0',
    })
    expect(QUALIFICATION_RULE_SETS['hnte-2016']).toMatchObject({
      scheme: 'hnte',
      effectiveFrom: '2016-01-01',
      version: '1.0',
    })
  })

  it('picks the rule set in force on a date, and none before the first one', () => {
    expect(findEffectiveRuleSet('hnte', '2025-07-01')?.id).toBe('hnte-2016')
    expect(findEffectiveRuleSet('hnte', '2016-01-01')?.id).toBe('hnte-2016')
    expect(findEffectiveRuleSet('hnte', '2015-12-31')).toBeNull()
    expect(findEffectiveRuleSet('tsme', '2022-01-01')?.id).toBe('tsme-2022')
    expect(findEffectiveRuleSet('tsme', '2021-12-31')).toBeNull()
  })
})
