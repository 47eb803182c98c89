import { z } from 'zod'
import {
  normalizeEnterpriseName,
  type FactSource,
  type InstitutionType,
  type PlatformLevel,
  type PlatformType,
  type QualificationType,
} from '@kechuang/core/registers'
import type {
  enterprises,
  institutions,
  platformParticipants,
  platforms,
  qualifications,
  StoredFact,
} from '../src/tables/registers.table'
import type { SeedOrgUnit } from './org-units.seed'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// The parts of entities.json the registers keep. Every fact is stored as quoted, with its document and section.
const SourceRef = z.object({ doc: z.string(), ref: z.string() })
const SourceFact = z.object({ text: z.string(), source: SourceRef })
const SourceQualification = z.object({
  type: z.string(),
  year: z.number().int().nullable(),
  status: z.enum(['achieved', 'target']),
  text: z.string(),
  source: SourceRef,
})
const SourceEnterprise = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  contextRegion: z.string(),
  park: z.string().nullable(),
  roles: z.array(z.string()),
  qualifications: z.array(SourceQualification),
  facts: z.array(SourceFact).min(1),
  notes: z.array(z.string()),
})
const SourceLevel = z.enum(['国家级', '省级', '市级']).nullable()
const SourcePlatform = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.string(),
  level: SourceLevel,
  status: z.enum(['achieved', 'target']),
  targetLevel: SourceLevel,
  targetType: z.string().nullable(),
  host: z.array(z.string()),
  partners: z.array(z.string()),
  parentPark: z.string().nullable(),
  region: z.string().nullable(),
  facts: z.array(SourceFact).min(1),
  source: SourceRef,
  notes: z.array(z.string()),
})
const SourceInstitution = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  type: z.string(),
  parent: z.string().nullable(),
  region: z.string().nullable(),
  facts: z.array(SourceFact).min(1),
  notes: z.array(z.string()),
})
const SourceRegisters = z.object({
  enterprises: z.array(SourceEnterprise),
  platforms: z.array(SourcePlatform),
  institutions: z.array(SourceInstitution),
})
type SourceRef = z.infer<typeof SourceRef>
type SourceFact = z.infer<typeof SourceFact>

export type SeedEnterpriseRow = typeof enterprises.$inferInsert & { id: string }
export type SeedQualificationRow = typeof qualifications.$inferInsert & { id: string }
export type SeedInstitutionRow = typeof institutions.$inferInsert & { id: string }
export type SeedPlatformRow = typeof platforms.$inferInsert & { id: string }
export type SeedPlatformParticipantRow = typeof platformParticipants.$inferInsert & { id: string }

export interface SeedRegisters {
  institutions: SeedInstitutionRow[]
  enterprises: SeedEnterpriseRow[]
  qualifications: SeedQualificationRow[]
  platforms: SeedPlatformRow[]
  platformParticipants: SeedPlatformParticipantRow[]
}

/**
 * Source qualification wording → type, first match wins. Awards come first: "科技型中小企业创新奖" is a prize, not
 * the 科技型中小企业 listing. Platform designations an enterprise holds or seeks (省级企业技术中心, 中试研究基地 …)
 * and titles without a key of their own (科创"新物种") fall through to `other`, keeping the title as written.
 */
const QUALIFICATION_TYPE_RULES: readonly (readonly [pattern: RegExp, type: QualificationType])[] = [
  [/奖/, 'other'],
  [/高新技术企业/, 'hnte'],
  [/瞪羚/, 'gazelle'],
  [/小巨人/, 'little_giant'],
  [/独角兽/, 'unicorn'],
]

export function qualificationTypeOf(title: string): QualificationType {
  return QUALIFICATION_TYPE_RULES.find(([pattern]) => pattern.test(title))?.[1] ?? 'other'
}

/**
 * The level a qualification title states (国家… / 省级、湖北省… / 市级…). A title naming two levels
 * (国家、湖北省专精特新小巨人企业, 国家和省科技进步奖) does not say which one the enterprise holds: null.
 */
export function qualificationLevelOf(title: string): PlatformLevel | null {
  const stated: PlatformLevel[] = []
  if (/国家/.test(title)) stated.push('national')
  if (/省/.test(title)) stated.push('provincial')
  if (/市级/.test(title)) stated.push('municipal')
  return stated.length === 1 ? stated[0]! : null
}

/** The platform kind of the source's type wording, first match wins; the wording itself is kept as typeText. */
const PLATFORM_TYPE_RULES: readonly (readonly [pattern: RegExp, type: PlatformType])[] = [
  [/重点实验室/, 'key_laboratory'],
  [/工程技术研究中心/, 'engineering_technology_center'],
  [/工程研究中心/, 'engineering_research_center'],
  [/企业技术中心/, 'enterprise_technology_center'],
  [/技术创新中心/, 'technology_innovation_center'],
  [/企校联合创新中心/, 'enterprise_university_center'],
  [/新型研发机构/, 'new_rd_institution'],
  [/产业技术研究院/, 'industrial_technology_institute'],
  [/院士/, 'academician_workstation'],
  [/孵化器/, 'incubator'],
  [/众创空间/, 'maker_space'],
  [/星创天地/, 'star_innovation_base'],
  [/中试/, 'pilot_base'],
  [/技术转移/, 'technology_transfer_institution'],
  [/公共服务平台/, 'public_service_platform'],
]

export function platformTypeOf(typeText: string): PlatformType {
  return PLATFORM_TYPE_RULES.find(([pattern]) => pattern.test(typeText))?.[1] ?? 'other'
}

const PLATFORM_LEVELS_BY_TEXT: Record<string, PlatformLevel> = {
  国家级: 'national',
  省级: 'provincial',
  市级: 'municipal',
}

export function platformLevelOf(levelText: string | null): PlatformLevel | null {
  return levelText === null ? null : (PLATFORM_LEVELS_BY_TEXT[levelText] ?? null)
}

const INSTITUTION_TYPES_BY_TEXT: Record<string, InstitutionType> = {
  高校: 'university',
  高校学院: 'college',
  科研机构: 'research_institute',
  科研院所: 'research_institute',
  培训机构: 'training',
}

export function institutionTypeOf(typeText: string): InstitutionType {
  return INSTITUTION_TYPES_BY_TEXT[typeText] ?? 'other'
}

function documentSource(ref: SourceRef, text?: string): FactSource {
  return text === undefined
    ? { kind: 'document', doc: ref.doc, ref: ref.ref }
    : { kind: 'document', doc: ref.doc, ref: ref.ref, text }
}

function storedFacts(facts: SourceFact[]): StoredFact[] {
  return facts.map((fact) => ({ text: fact.text, source: documentSource(fact.source) }))
}

/** A record without a source of its own is sourced by its first fact (where the documents first name it). */
function firstFactSource(facts: SourceFact[]): FactSource {
  return documentSource(facts[0]!.source, facts[0]!.text)
}

/** Finds seeded org units by name or alias: regions among the regions, parks among parks and zones. */
function createUnitLookup(units: SeedOrgUnit[]) {
  const find = (name: string, kinds: readonly SeedOrgUnit['type'][]) =>
    units.find((u) => kinds.includes(u.type) && (u.name === name || u.aliases.includes(name)))
  return {
    region(name: string): SeedOrgUnit {
      const unit = find(name, ['province', 'city', 'county', 'township'])
      if (!unit) throw new Error(`seed: region ${name} is not a seeded org unit`)
      return unit
    },
    /** Only parks that exist are org units; a planned park gives null. */
    park(name: string): SeedOrgUnit | undefined {
      return find(name, ['park', 'functional_zone'])
    },
  }
}

function indexByNames<T extends { name: string; aliases: string[] }>(records: T[]): Map<string, T> {
  const byName = new Map<string, T>()
  for (const record of records) {
    for (const written of [record.name, ...record.aliases]) {
      if (byName.has(written)) throw new Error(`seed: the name ${written} is written for two records`)
      byName.set(written, record)
    }
  }
  return byName
}

/**
 * The enterprises, institutions and platforms named in entities.json, with exactly the facts stated there.
 * Regions resolve to the org units seeded from the same file (enterprise: stated region, else the region of the
 * document that names it); hosts and partners link to the enterprise or institution their written name or alias
 * resolves to, else keep only the name as written. The documents give no 统一社会信用代码, so credit codes are
 * null until an import supplies them.
 */
export function buildSeedRegisters(units: SeedOrgUnit[]): SeedRegisters {
  const source = SourceRegisters.parse(readSeedSource('entities.json'))
  const lookup = createUnitLookup(units)

  const institutionRows: SeedInstitutionRow[] = source.institutions.map((institution) => ({
    id: stableId(`institution:${institution.name}`),
    name: institution.name,
    aliases: institution.aliases,
    type: institutionTypeOf(institution.type),
    typeText: institution.type,
    parentName: institution.parent,
    regionOrgUnitId: institution.region ? lookup.region(institution.region).id : null,
    facts: storedFacts(institution.facts),
    source: firstFactSource(institution.facts),
    isSynthetic: false,
  }))

  const enterpriseRows: SeedEnterpriseRow[] = []
  const qualificationRows: SeedQualificationRow[] = []
  for (const enterprise of source.enterprises) {
    const id = stableId(`enterprise:${enterprise.name}`)
    const region = lookup.region(enterprise.region ?? enterprise.contextRegion)
    const park = enterprise.park ? lookup.park(enterprise.park) : undefined
    enterpriseRows.push({
      id,
      canonicalId: id,
      creditCode: null,
      name: enterprise.name,
      nameKey: normalizeEnterpriseName(enterprise.name).key,
      aliases: enterprise.aliases,
      regionOrgUnitId: region.id,
      // Only a region the documents state is a registration place; the document's own region is not.
      regionCode: enterprise.region ? region.divisionCode : null,
      parkOrgUnitId: park?.id ?? null,
      industryText: enterprise.industry,
      roles: enterprise.roles,
      facts: storedFacts(enterprise.facts),
      notes: enterprise.notes,
      source: firstFactSource(enterprise.facts),
      isSynthetic: false,
    })
    for (const qualification of enterprise.qualifications) {
      const status = qualification.status === 'achieved' ? 'held' : 'target'
      qualificationRows.push({
        id: stableId(`qualification:${enterprise.name}:${qualification.type}:${status}`),
        enterpriseId: id,
        type: qualificationTypeOf(qualification.type),
        title: qualification.type,
        status,
        number: null,
        year: qualification.year,
        validFrom: null,
        validTo: null,
        level: qualificationLevelOf(qualification.type),
        source: documentSource(qualification.source, qualification.text),
      })
    }
  }

  const enterprisesByName = indexByNames(
    source.enterprises.map((e, i) => ({ name: e.name, aliases: e.aliases, id: enterpriseRows[i]!.id })),
  )
  const institutionsByName = indexByNames(
    source.institutions.map((e, i) => ({ name: e.name, aliases: e.aliases, id: institutionRows[i]!.id })),
  )
  const platformRows: SeedPlatformRow[] = []
  const participantRows: SeedPlatformParticipantRow[] = []
  for (const platform of source.platforms) {
    const id = stableId(`platform:${platform.name}`)
    const park = platform.parentPark ? lookup.park(platform.parentPark) : undefined
    platformRows.push({
      id,
      name: platform.name,
      aliases: platform.aliases,
      type: platformTypeOf(platform.type),
      typeText: platform.type,
      level: platformLevelOf(platform.level),
      status: platform.status === 'achieved' ? 'built' : 'striving',
      targetLevel: platformLevelOf(platform.targetLevel),
      regionOrgUnitId: platform.region ? lookup.region(platform.region).id : null,
      parkOrgUnitId: park?.id ?? null,
      facts: storedFacts(platform.facts),
      notes: platform.targetType
        ? [...platform.notes, `争创称号（原文）：${platform.targetType}`]
        : platform.notes,
      source: documentSource(platform.source),
      isSynthetic: false,
    })
    const participants = [
      ...platform.host.map((name) => ({ role: 'host' as const, name })),
      ...platform.partners.map((name) => ({ role: 'partner' as const, name })),
    ]
    for (const { role, name } of participants) {
      participantRows.push({
        id: stableId(`platform-participant:${platform.name}:${role}:${name}`),
        platformId: id,
        role,
        enterpriseId: enterprisesByName.get(name)?.id ?? null,
        institutionId: institutionsByName.get(name)?.id ?? null,
        nameAsWritten: name,
      })
    }
  }

  return {
    institutions: institutionRows,
    enterprises: enterpriseRows,
    qualifications: qualificationRows,
    platforms: platformRows,
    platformParticipants: participantRows,
  }
}
