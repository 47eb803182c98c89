import { describe, expect, it } from 'vitest'
import { createIndicatorValueCube, cubeOffset } from './indicator-value-cube'

describe('indicator value cube', () => {
  it('places each value by indicator, org unit and year, NaN where there is none', () => {
    const cube = createIndicatorValueCube(
      ['DY-15', 'DY-24'],
      ['daye', 'huangshi'],
      [2021, 2022],
      [
        { indicatorCode: 'DY-15', orgUnitId: 'daye', year: 2022, value: 243 },
        { indicatorCode: 'DY-24', orgUnitId: 'huangshi', year: 2021, value: 342 },
      ],
    )
    expect(cube.values[cubeOffset(cube, 0, 0, 1)]).toBe(243)
    expect(cube.values[cubeOffset(cube, 1, 1, 0)]).toBe(342)
    expect(cube.values.filter((v) => !Number.isNaN(v))).toHaveLength(2)
  })

  it('keeps one indicator’s values (all units, all years) together, the window normalisation reads', () => {
    const cube = createIndicatorValueCube(['A', 'B'], ['u1', 'u2'], [2021, 2022, 2023], [])
    expect(cubeOffset(cube, 1, 0, 0)).toBe(6)
    expect(cubeOffset(cube, 0, 1, 2)).toBe(5)
  })

  it('skips rows outside its codes, units or years, and lets a later row win', () => {
    const cube = createIndicatorValueCube(
      ['A'],
      ['u1'],
      [2022],
      [
        { indicatorCode: 'A', orgUnitId: 'u1', year: 2022, value: 1 },
        { indicatorCode: 'A', orgUnitId: 'u1', year: 2022, value: 2 },
        { indicatorCode: 'Z', orgUnitId: 'u1', year: 2022, value: 9 },
        { indicatorCode: 'A', orgUnitId: 'u9', year: 2022, value: 9 },
        { indicatorCode: 'A', orgUnitId: 'u1', year: 2030, value: 9 },
      ],
    )
    expect([...cube.values]).toEqual([2])
  })
})
