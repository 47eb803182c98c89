import { z } from 'zod'
import { ObservationInput, type ObservationKind } from '@kechuang/core/indicators'
import type { SeedOrgUnit } from './org-units.seed'
import type { SeedIndicatorRow } from './plans.seed'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// Only the fields a reported value needs; observations.json carries more (subject, measure, change …).
const SourceObservation = z.object({
  id: z.string(),
  region: z.string(),
  year: z.number().int().nullable(),
  value: z.number(),
  valueText: z.string(),
  text: z.string(),
  source: z.object({ doc: z.string(), ref: z.string() }),
  planIndicator: z.string().nullable(),
})

// The documents the linked figures are quoted from (seed-data entities-README.md).
const DOCUMENT_TITLES: Record<string, string> = {
  '001_0cb0b85f7640cc33.txt': '黄石市科技创新发展“十四五”规划',
  '002_4a2e06d0e45c41dd.txt': '大冶市创新型县（市）建设三年工作方案（2022—2024年）',
  '003_628247d077c6b582.txt': '湖北大冶:凝聚科技创新磅礴力量 打造全国县域创新高地（武汉科技报，2023年1月）',
}

const SEED_OBSERVER_NAME = '系统（初始数据）'

export interface SeedObservationRow {
  id: string
  indicatorId: string
  orgUnitId: string
  year: number
  revision: number
  value: number
  source: string
  note: string | null
  kind: ObservationKind
  enteredByUserId: null
  enteredByName: string
  enteredAt: Date
  supersededAt: Date | null
}

/**
 * The reported figures of observations.json that are linked to a plan indicator (`planIndicator`) and a
 * year, as 'reported' values of the unit they describe, quoting their source sentence. Where two sentences
 * give the same figure (a table cell and the text), both are kept as revisions 1 and 2, in file order.
 */
export function buildSeedObservations(
  units: SeedOrgUnit[],
  indicators: SeedIndicatorRow[],
  seededAt: Date,
): SeedObservationRow[] {
  const source = z.array(SourceObservation).parse(readSeedSource('observations.json'))
  const rows: SeedObservationRow[] = []
  for (const observation of source) {
    if (!observation.planIndicator || observation.year === null) continue
    const code = observation.planIndicator
    const matching = indicators.filter((i) => i.code === code)
    if (matching.length !== 1)
      throw new Error(`seed: ${observation.id} names ${code}, found ${matching.length}`)
    const indicator = matching[0]!
    const unit = units.find((u) => u.name === observation.region)
    if (!unit) throw new Error(`seed: region ${observation.region} of ${observation.id} is not an org unit`)
    const title = DOCUMENT_TITLES[observation.source.doc]
    if (!title) throw new Error(`seed: unknown document ${observation.source.doc} of ${observation.id}`)
    const input = ObservationInput.parse({
      indicatorCode: code,
      orgUnitId: unit.id,
      year: observation.year,
      value: observation.value,
      source: `“${observation.text}”（《${title}》${observation.source.ref}；${observation.source.doc}）`,
      // Starred figures ("6.4*", the plan's 2019 data) keep their printed form.
      note: /^-?\d+(\.\d+)?$/.test(observation.valueText) ? null : `原文为“${observation.valueText}”`,
    })
    const previous = rows.findLast(
      (r) => r.indicatorId === indicator.id && r.orgUnitId === unit.id && r.year === input.year,
    )
    if (previous) previous.supersededAt = seededAt
    rows.push({
      id: stableId(`observation:${observation.id}`),
      indicatorId: indicator.id,
      orgUnitId: unit.id,
      year: input.year,
      revision: (previous?.revision ?? 0) + 1,
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      kind: 'reported',
      enteredByUserId: null,
      enteredByName: SEED_OBSERVER_NAME,
      enteredAt: seededAt,
      supersededAt: null,
    })
  }
  return rows
}
