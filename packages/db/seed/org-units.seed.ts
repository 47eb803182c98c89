import { z } from 'zod'
import { OrgUnitCreateInput, childPath, type OrgUnitType } from '@kechuang/core/org-units'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// Only the fields the org-unit tree needs; the files carry much more (facts, sources) for later modules.
const SourceRegion = z.object({
  name: z.string(),
  type: z.string(),
  divisionCode: z.string().nullable().optional(),
  parent: z.string().nullable(),
  aliases: z.array(z.string()),
})
const SourcePark = z.object({
  name: z.string(),
  type: z.string(),
  status: z.enum(['existing', 'planned']),
  parentRegion: z.string().nullable(),
  parentPark: z.string().nullable(),
  aliases: z.array(z.string()),
})
const SourceEntities = z.object({ regions: z.array(SourceRegion), parks: z.array(SourcePark) })
const SourceTasks = z.array(z.object({ responsibleUnits: z.array(z.string()) }))

const REGION_TYPES: Record<string, OrgUnitType> = {
  省: 'province',
  市: 'city',
  县级市: 'county',
  县: 'county',
  区: 'county',
  乡镇: 'township',
  街道: 'township',
  管理区: 'township',
}

// Parks whose printed kind names an administrative zone (高新区, 开发区, 经济区 …) are 功能区; the rest 园区.
const FUNCTIONAL_ZONE_PATTERN = /高新区|开发区|经济区|保税区|功能区/

// Names in the 责任单位 column that are not departments: parks (already in the tree) and "all towns".
const NOT_DEPARTMENTS = new Set(['高新区', '临空经济区', '各乡镇'])
// The task schedule is Daye's, so its 市xx局 are 大冶市's departments.
const TASK_SCHEDULE_REGION = '大冶市'

export interface SeedOrgUnit {
  id: string
  parentId: string | null
  path: string
  depth: number
  name: string
  type: OrgUnitType
  typeLabel: string | null
  divisionCode: string | null
  aliases: string[]
  sortOrder: number
}

/** The org-unit tree of the shipped dataset, parents before children. */
export function buildSeedOrgUnits(): SeedOrgUnit[] {
  const entities = SourceEntities.parse(readSeedSource('entities.json'))
  const tasks = SourceTasks.parse(readSeedSource('tasks.json'))
  const byName = new Map<string, SeedOrgUnit>()
  const units: SeedOrgUnit[] = []

  const add = (
    name: string,
    parentName: string | null,
    type: OrgUnitType,
    extra: { typeLabel: string | null; divisionCode?: string | null; aliases: string[] },
  ) => {
    const parent = parentName ? byName.get(parentName) : undefined
    if (parentName && !parent)
      throw new Error(`seed: parent ${parentName} of ${name} is not seeded before it`)
    const key = parent ? `${parent.path}${name}` : name
    const id = stableId(`org-unit:${key}`)
    const unit: SeedOrgUnit = {
      id,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
      name,
      type,
      typeLabel: extra.typeLabel,
      divisionCode: extra.divisionCode ?? null,
      aliases: extra.aliases,
      sortOrder: units.length * 10,
    }
    if (parent) {
      // The same checks a person's input gets (name length, type, division code).
      OrgUnitCreateInput.parse({
        parentId: parent.id,
        name: unit.name,
        type: unit.type,
        typeLabel: unit.typeLabel,
        divisionCode: unit.divisionCode,
        aliases: unit.aliases,
      })
    }
    byName.set(name, unit)
    units.push(unit)
  }

  for (const region of entities.regions) {
    const type = REGION_TYPES[region.type]
    if (!type) throw new Error(`seed: unknown region type ${region.type} of ${region.name}`)
    add(region.name, region.parent, type, {
      typeLabel: region.type,
      divisionCode: region.divisionCode ?? null,
      aliases: region.aliases,
    })
  }

  // Only parks that exist today are units; planned ones are plan targets, not places that report.
  const existingParks = entities.parks.filter((p) => p.status === 'existing' && p.parentRegion)
  const pending = [...existingParks]
  while (pending.length > 0) {
    const before = pending.length
    for (const park of [...pending]) {
      const parentName =
        park.parentPark && existingParks.some((p) => p.name === park.parentPark)
          ? park.parentPark
          : park.parentRegion
      if (!byName.has(parentName!)) continue
      add(park.name, parentName, FUNCTIONAL_ZONE_PATTERN.test(park.type) ? 'functional_zone' : 'park', {
        typeLabel: park.type.slice(0, 30),
        aliases: park.aliases,
      })
      pending.splice(pending.indexOf(park), 1)
    }
    if (pending.length === before)
      throw new Error(`seed: parks without a seeded parent: ${pending.map((p) => p.name).join(', ')}`)
  }

  const departments = [...new Set(tasks.flatMap((t) => t.responsibleUnits))].filter(
    (n) => !NOT_DEPARTMENTS.has(n),
  )
  for (const name of departments)
    add(name, TASK_SCHEDULE_REGION, 'department', { typeLabel: '责任单位', aliases: [] })

  return units
}
