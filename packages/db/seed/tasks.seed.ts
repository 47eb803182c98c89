import { z } from 'zod'
import { TaskDefinition } from '@kechuang/core/indicators'
import type { SeedOrgUnit } from './org-units.seed'
import type { SeedPlanRow } from './plans.seed'
import { readSeedSource } from './seed-source'

export type SeedTaskRow = TaskDefinition

export interface SeedTasks {
  tasks: SeedTaskRow[]
  responsibleUnits: { taskId: string; orgUnitId: string }[]
}

// "各乡镇" in the 责任单位 column means every town of the plan's region.
const ALL_TOWNS = '各乡镇'

/**
 * Daye's task schedule (进度安排表), checked with the core TaskDefinition schema, and the org units its
 * 责任单位 names stand for, looked up inside the plan's region: by name or alias, else the one unit whose
 * name ends with the printed name ("高新区" → 黄石大冶湖高新区).
 */
export function buildSeedTasks(units: SeedOrgUnit[], plans: SeedPlanRow[]): SeedTasks {
  const tasks = z.array(TaskDefinition).parse(readSeedSource('tasks.json'))
  const responsibleUnits = tasks.flatMap((task) => {
    const plan = plans.find((p) => p.id === task.planId)
    if (!plan) throw new Error(`seed: plan ${task.planId} of task ${task.id} is not seeded`)
    const ids = new Set(task.responsibleUnits.flatMap((name) => resolveUnits(units, plan, name)))
    return [...ids].map((orgUnitId) => ({ taskId: task.id, orgUnitId }))
  })
  return { tasks, responsibleUnits }
}

function resolveUnits(units: SeedOrgUnit[], plan: SeedPlanRow, name: string): string[] {
  const region = units.find((u) => u.id === plan.regionOrgUnitId)!
  const inRegion = units.filter((u) => u.path.startsWith(region.path))
  if (name === ALL_TOWNS)
    return inRegion.filter((u) => u.parentId === region.id && u.type === 'township').map((u) => u.id)
  const exact = inRegion.filter((u) => u.name === name || u.aliases.includes(name))
  const candidates = exact.length > 0 ? exact : inRegion.filter((u) => u.name.endsWith(name))
  if (candidates.length !== 1)
    throw new Error(`seed: 责任单位 ${name} matches ${candidates.length} org units in ${region.name}`)
  return [candidates[0]!.id]
}
