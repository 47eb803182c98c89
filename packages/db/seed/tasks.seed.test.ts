import { describe, expect, it } from 'vitest'
import { buildSeedOrgUnits } from './org-units.seed'
import { buildSeedPlans } from './plans.seed'
import { buildSeedTasks } from './tasks.seed'

describe('seed tasks', () => {
  const units = buildSeedOrgUnits()
  const { tasks, responsibleUnits } = buildSeedTasks(units, buildSeedPlans(units).plans)
  const unitsOf = (taskId: string) =>
    responsibleUnits
      .filter((r) => r.taskId === taskId)
      .map((r) => units.find((u) => u.id === r.orgUnitId)!.name)

  it('has the 29 tasks of Daye’s schedule with their milestones and 46 numeric targets', () => {
    expect(tasks.map((t) => t.id)).toEqual(
      Array.from({ length: 29 }, (_, i) => `DY-T${String(i + 1).padStart(2, '0')}`),
    )
    expect(tasks.every((t) => t.planId === 'daye-2022-2024')).toBe(true)
    expect(tasks.every((t) => t.milestones.map((m) => m.year).join() === '2022,2023,2024')).toBe(true)
    expect(tasks.reduce((n, t) => n + t.quantitativeTargets.length, 0)).toBe(46)
    expect(tasks.find((t) => t.id === 'DY-T04')!.quantitativeTargets[0]).toMatchObject({
      value: 5,
      valueMax: 10,
      valueText: '5-10',
    })
  })

  it('resolves every 责任单位 to an org unit of 大冶市, the parks by their short names', () => {
    expect(unitsOf('DY-T04')).toEqual([
      '市科技局',
      '市经信局',
      '市发改局',
      '市农业农村局',
      '黄石大冶湖高新区',
    ])
    const withAirportZone = tasks.find((t) => t.responsibleUnits.includes('临空经济区'))!
    expect(unitsOf(withAirportZone.id)).toContain('黄石临空经济区')
    for (const task of tasks) expect(unitsOf(task.id).length, task.id).toBeGreaterThan(0)
  })

  it('reads "各乡镇" as every town of 大冶市', () => {
    const task = tasks.find((t) => t.responsibleUnits.includes('各乡镇'))!
    expect(unitsOf(task.id)).toEqual(expect.arrayContaining(['还地桥镇', '陈贵镇', '东岳街办', '茗山乡']))
  })
})
