import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { engagementFunnel, FUNNEL_STAGES, furthestStageRank } from './engagement-funnel'
import { ENGAGEMENT_STATUSES, type EngagementStatus } from './marketplace-vocabulary'

describe('engagementFunnel', () => {
  it('counts each 对接 at every stage up to the furthest it reached, closed or reopened', () => {
    const funnel = engagementFunnel([
      ['recommended'],
      ['recommended', 'contacted', 'closed'],
      ['recommended', 'contacted', 'meeting', 'negotiating', 'closed', 'contacted'],
      ['recommended', 'contacted', 'meeting', 'negotiating', 'contract'],
    ])
    expect(funnel).toEqual([
      { stage: 'recommended', reached: 4, conversion: null },
      { stage: 'contacted', reached: 3, conversion: 0.75 },
      { stage: 'meeting', reached: 2, conversion: 0.6667 },
      { stage: 'negotiating', reached: 2, conversion: 1 },
      { stage: 'contract', reached: 1, conversion: 0.5 },
    ])
  })

  it('counts a stage skipped on the way (straight from 已推荐 to 洽谈中) as passed', () => {
    expect(engagementFunnel([['recommended', 'negotiating']]).map((s) => s.reached)).toEqual([1, 1, 1, 1, 0])
  })

  it('has no conversion where nobody reached the stage before', () => {
    expect(engagementFunnel([]).every((s) => s.reached === 0 && s.conversion === null)).toBe(true)
    expect(furthestStageRank(['closed'])).toBe(-1)
  })

  it('never widens toward the contract, and its first stage counts every 对接 that reached one', () => {
    const status = fc.constantFrom<EngagementStatus>(...ENGAGEMENT_STATUSES)
    fc.assert(
      fc.property(fc.array(fc.array(status, { maxLength: 8 }), { maxLength: 30 }), (engagements) => {
        const funnel = engagementFunnel(engagements)
        expect(funnel).toHaveLength(FUNNEL_STAGES.length)
        for (let i = 1; i < funnel.length; i += 1)
          expect(funnel[i]!.reached).toBeLessThanOrEqual(funnel[i - 1]!.reached)
        expect(funnel[0]!.reached).toBe(engagements.filter((e) => furthestStageRank(e) >= 0).length)
      }),
    )
  })
})
