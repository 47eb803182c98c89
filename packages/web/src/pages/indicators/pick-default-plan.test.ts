import type { PlanSummary } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { defaultPlanYear, pickDefaultPlan, planYears } from './pick-default-plan'

const HUANGSHI = '00000000-0000-4000-8000-000000000002'
const DAYE = '00000000-0000-4000-8000-000000000003'

function plan(id: string, regionOrgUnitId: string): PlanSummary {
  return {
    id,
    name: id,
    regionOrgUnitId,
    regionName: '',
    startYear: 2021,
    endYear: 2025,
    source: { doc: '', ref: '', title: '' },
    indicatorCount: 0,
    taskCount: 0,
  }
}

const plans = [plan('huangshi-14th', HUANGSHI), plan('daye-2022-2024', DAYE)]

describe('pickDefaultPlan', () => {
  it("opens Daye's plan for a user inside 大冶市, though Huangshi's plans contain it too", () => {
    expect(pickDefaultPlan(plans, `/p/${HUANGSHI}/${DAYE}/town/`)?.id).toBe('daye-2022-2024')
  })

  it('opens the first plan for a user above every region (the province)', () => {
    expect(pickDefaultPlan(plans, '/p/')?.id).toBe('huangshi-14th')
    expect(pickDefaultPlan(plans, undefined)?.id).toBe('huangshi-14th')
  })

  it('finds nothing without plans', () => {
    expect(pickDefaultPlan([], '/p/')).toBeUndefined()
  })
})

describe('defaultPlanYear', () => {
  it('takes this year inside the plan, else the nearest end', () => {
    const daye = { startYear: 2022, endYear: 2024 }
    expect(defaultPlanYear(daye, new Date('2023-06-01'))).toBe(2023)
    expect(defaultPlanYear(daye, new Date('2026-06-01'))).toBe(2024)
    expect(defaultPlanYear(daye, new Date('2020-06-01'))).toBe(2022)
  })

  it('opens on the latest plan year with values, ignoring baseline-year values', () => {
    const daye = {
      startYear: 2022,
      endYear: 2024,
      indicators: [{ actuals: [{ year: 2021 }, { year: 2022 }] }, { actuals: [] }],
    }
    expect(defaultPlanYear(daye, new Date('2026-06-01'))).toBe(2022)
    expect(
      defaultPlanYear({ ...daye, indicators: [{ actuals: [{ year: 2021 }] }] }, new Date('2026-06-01')),
    ).toBe(2024)
  })
})

describe('planYears', () => {
  it('starts at the earliest baseline year (Daye: 2021 data for 2022–2024)', () => {
    const daye = { startYear: 2022, endYear: 2024, indicators: [{ entryYears: { from: 2021 } }] }
    expect(planYears(daye)).toEqual([2021, 2022, 2023, 2024])
  })
})
