import type { PeriodLock } from '@kechuang/core/indicators'

/**
 * The lock that closes `year` for `unit`: on the unit itself first, else on a unit above it (`unit.path`
 * names every unit above, as ids).
 */
export function findCoveringLock(
  locks: readonly PeriodLock[],
  unit: { id: string; path: string | undefined },
  year: number,
): PeriodLock | undefined {
  const ofYear = locks.filter((lock) => lock.year === year)
  return (
    ofYear.find((lock) => lock.orgUnitId === unit.id) ??
    ofYear.find((lock) => unit.path?.split('/').includes(lock.orgUnitId))
  )
}
