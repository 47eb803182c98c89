import { z } from 'zod'
import { KEYWORD_MAX, KEYWORDS_MAX, TechNeedInput, type TechDirection } from '@kechuang/core/marketplace'
import type { techNeeds } from '../src/tables/marketplace.table'
import type { SeedOrgUnit } from './org-units.seed'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// The plans' technology directions (专栏 items, the copy in source/tech-directions.json) restated as example
// 技术需求 of their industries, so matching has real needs from the first start. They are marked source 'plan'.

const SourceDirection = z.object({
  id: z.string(),
  doc: z.string(),
  ref: z.string(),
  industry: z.string(),
  subfield: z.string().nullable(),
  text: z.string(),
  technologies: z.array(z.string()),
  products: z.array(z.string()),
})

/** The document each direction comes from decides its region: 001 is 黄石市's plan, 002 大冶市's. */
const REGION_OF_DOC: Record<string, string> = {
  '001_0cb0b85f7640cc33.txt': '黄石市',
  '002_4a2e06d0e45c41dd.txt': '大冶市',
}

export function readTechDirections(): (TechDirection & { doc: string; text: string })[] {
  return z.array(SourceDirection).parse(readSeedSource('tech-directions.json'))
}

export function planNeedId(directionId: string): string {
  return stableId(`tech-need:plan:${directionId}`)
}

/** One 技术需求 per direction: title from the subfield (or first technology), the item's text as description. */
export function buildSeedPlanNeeds(units: readonly SeedOrgUnit[]): (typeof techNeeds.$inferInsert)[] {
  return readTechDirections().map((direction) => {
    const subject =
      direction.subfield ?? direction.technologies[0] ?? direction.products[0] ?? direction.industry
    const keywords = [...new Set([...direction.technologies, ...direction.products])]
      .filter((k) => [...k].length <= KEYWORD_MAX)
      .slice(0, KEYWORDS_MAX)
    const regionName = REGION_OF_DOC[direction.doc]
    const region = regionName ? units.find((u) => u.name === regionName) : undefined
    // The same checks a published need gets (lengths, keyword count).
    const need = TechNeedInput.parse({
      title: `${subject}关键技术需求`,
      description: direction.text,
      keywords,
      industry: direction.industry,
      enterpriseName: `（规划方向）${direction.industry}产业`,
      regionOrgUnitId: region?.id ?? null,
    })
    return { ...need, id: planNeedId(direction.id), source: 'plan', planDirectionId: direction.id }
  })
}
