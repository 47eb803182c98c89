/**
 * Values of several indicators for several org units over several years, held in one flat array so that a
 * composite index over 200 units × 60 indicators × 10 years reads them without a lookup per value.
 * Layout: indicator-major, then org unit, then year; one indicator's values (all units, all years) are one
 * contiguous block, which is exactly what normalisation over a window needs.
 */
export interface IndicatorValueCube {
  indicatorCodes: readonly string[]
  orgUnitIds: readonly string[]
  years: readonly number[]
  /** NaN where there is no value. Read with cubeOffset. */
  values: Float64Array
}

export interface CubeEntry {
  indicatorCode: string
  orgUnitId: string
  year: number
  value: number
}

/** Where indicator i, org unit u, year y (all as positions) sits in `values`. */
export function cubeOffset(
  cube: IndicatorValueCube,
  indicator: number,
  orgUnit: number,
  year: number,
): number {
  return (indicator * cube.orgUnitIds.length + orgUnit) * cube.years.length + year
}

/** Builds a cube from rows; rows outside the given codes, units or years are skipped, a later row wins. */
export function createIndicatorValueCube(
  indicatorCodes: readonly string[],
  orgUnitIds: readonly string[],
  years: readonly number[],
  entries: Iterable<CubeEntry>,
): IndicatorValueCube {
  const cube: IndicatorValueCube = {
    indicatorCodes,
    orgUnitIds,
    years,
    values: new Float64Array(indicatorCodes.length * orgUnitIds.length * years.length).fill(NaN),
  }
  const indicatorAt = positions(indicatorCodes)
  const unitAt = positions(orgUnitIds)
  const yearAt = positions(years)
  for (const entry of entries) {
    const i = indicatorAt.get(entry.indicatorCode)
    const u = unitAt.get(entry.orgUnitId)
    const y = yearAt.get(entry.year)
    if (i !== undefined && u !== undefined && y !== undefined)
      cube.values[cubeOffset(cube, i, u, y)] = entry.value
  }
  return cube
}

function positions<T>(items: readonly T[]): Map<T, number> {
  return new Map(items.map((item, index) => [item, index]))
}
