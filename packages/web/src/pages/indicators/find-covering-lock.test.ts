import type { PeriodLock } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { findCoveringLock } from './find-covering-lock'

function lock(orgUnitId: string, year: number): PeriodLock {
  return {
    planId: 'daye-2022-2024',
    orgUnitId,
    orgUnitName: orgUnitId,
    year,
    lockedByUserId: null,
    lockedByName: '管理员',
    lockedAt: '2026-01-01T00:00:00.000Z',
  }
}

describe('findCoveringLock', () => {
  const town = { id: 'town', path: '/hubei/daye/town/' }

  it("prefers the unit's own lock of that year, then one on a unit above", () => {
    expect(findCoveringLock([lock('daye', 2022), lock('town', 2022)], town, 2022)?.orgUnitId).toBe('town')
    expect(findCoveringLock([lock('daye', 2022)], town, 2022)?.orgUnitId).toBe('daye')
  })

  it('ignores other years and sibling units', () => {
    expect(findCoveringLock([lock('daye', 2023), lock('other-town', 2022)], town, 2022)).toBeUndefined()
  })
})
