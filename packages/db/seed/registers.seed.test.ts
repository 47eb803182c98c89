import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeEnterpriseName } from '@kechuang/core/registers'
import { migrateDatabase, openDatabase, type DatabaseHandle } from '../src/client'
import {
  enterprises,
  institutions,
  platformParticipants,
  platforms,
  qualifications,
} from '../src/tables/index'
import { buildSeedOrgUnits } from './org-units.seed'
import {
  buildSeedRegisters,
  platformTypeOf,
  qualificationLevelOf,
  qualificationTypeOf,
} from './registers.seed'
import { seedDatabase } from './index'
import { readSeedSource } from './seed-source'
import { stableId } from './stable-id'

// The copied source, read as plain JSON: the registers must hold every record and fact as written there.
interface SourceFact {
  text: string
  source: { doc: string; ref: string }
}
interface SourceRecord {
  name: string
  aliases: string[]
  facts: SourceFact[]
}
const source = readSeedSource('entities.json') as {
  enterprises: (SourceRecord & { qualifications: { status: string }[] })[]
  platforms: (SourceRecord & { host: string[]; partners: string[] })[]
  institutions: SourceRecord[]
}

const units = buildSeedOrgUnits()
const unitName = (id: string | null | undefined) => units.find((u) => u.id === id)?.name ?? null
const registers = buildSeedRegisters(units)
const enterpriseNamed = (name: string) => registers.enterprises.find((e) => e.name === name)!
const platformNamed = (name: string) => registers.platforms.find((p) => p.name === name)!
const qualificationsOf = (name: string) =>
  registers.qualifications.filter((q) => q.enterpriseId === enterpriseNamed(name).id)

describe('seed registers (mapping of entities.json)', () => {
  it('has the counts of the README: 57 enterprises, 51 platforms, 21 institutions, 12 held / 20 target qualifications', () => {
    expect(registers.enterprises).toHaveLength(57)
    expect(registers.platforms).toHaveLength(51)
    expect(registers.institutions).toHaveLength(21)
    expect(registers.qualifications.filter((q) => q.status === 'held')).toHaveLength(12)
    expect(registers.qualifications.filter((q) => q.status === 'target')).toHaveLength(20)
    expect(registers.platforms.filter((p) => p.status === 'built')).toHaveLength(32)
    expect(registers.platforms.filter((p) => p.status === 'striving')).toHaveLength(19)
  })

  it('keeps every fact as quoted, with its document and section, and marks nothing synthetic', () => {
    const all = [...source.enterprises, ...source.platforms, ...source.institutions]
    const stored = [...registers.enterprises, ...registers.platforms, ...registers.institutions]
    expect(stored.map((r) => r.name)).toEqual(all.map((r) => r.name))
    all.forEach((record, i) => {
      expect(stored[i]!.facts).toEqual(
        record.facts.map((f) => ({ text: f.text, source: { kind: 'document', ...f.source } })),
      )
      expect(stored[i]!.aliases).toEqual(record.aliases)
      expect(stored[i]!.isSynthetic).toBe(false)
      expect(stored[i]!.source).toMatchObject({ kind: 'document' })
    })
  })

  it('gives enterprises no credit code, their own id as cluster id and the normaliser’s 字号+行业 as name key', () => {
    for (const enterprise of registers.enterprises) {
      expect(enterprise.creditCode).toBeNull()
      expect(enterprise.canonicalId).toBe(enterprise.id)
      expect(enterprise.nameKey).toBe(normalizeEnterpriseName(enterprise.name).key)
    }
    expect(enterpriseNamed('劲牌').id).toBe(stableId('enterprise:劲牌'))
  })

  it('places an enterprise in its stated region, else the region of the document naming it, and in its park', () => {
    const kechuang = enterpriseNamed('黄石科创和人才集团有限公司')
    expect(unitName(kechuang.regionOrgUnitId)).toBe('黄石市')
    expect(kechuang.regionCode).toBe('420200')
    expect(unitName(enterpriseNamed('中科瑞晟芳香产业研究院（湖北）有限公司').regionOrgUnitId)).toBe('湖北省')
    const jinpai = enterpriseNamed('劲牌')
    expect(unitName(jinpai.regionOrgUnitId)).toBe('大冶市')
    expect(jinpai.regionCode).toBeNull()
    expect(unitName(jinpai.parkOrgUnitId)).toBe('黄石大冶湖高新区')
    expect(jinpai).toMatchObject({ industryText: '生命健康产业', roles: ['龙头企业', '行业龙头企业'] })
    expect(unitName(enterpriseNamed('华新水泥').regionOrgUnitId)).toBe('黄石市')
    expect(enterpriseNamed('华新水泥').parkOrgUnitId).toBeNull()
  })

  it('maps qualification wording to the register’s types, keeping the title, year and level as written', () => {
    expect(qualificationTypeOf('高新技术企业')).toBe('hnte')
    expect(qualificationTypeOf('湖北省首批瞪羚企业')).toBe('gazelle')
    expect(qualificationTypeOf('国家、湖北省专精特新小巨人企业')).toBe('little_giant')
    expect(qualificationTypeOf('独角兽')).toBe('unicorn')
    expect(qualificationTypeOf('2021年湖北省科技型中小企业创新奖')).toBe('other')
    expect(qualificationTypeOf('省级企业技术中心')).toBe('other')
    expect(qualificationLevelOf('省级企业技术中心')).toBe('provincial')
    expect(qualificationLevelOf('国家企业技术中心')).toBe('national')
    expect(qualificationLevelOf('国家、湖北省专精特新小巨人企业')).toBeNull()
    expect(qualificationLevelOf('高新技术企业')).toBeNull()

    expect(qualificationsOf('迪峰').map((q) => [q.type, q.title, q.status, q.year, q.level])).toEqual([
      ['other', '湖北省科技成果转化中试研究基地', 'target', null, 'provincial'],
      ['gazelle', '湖北省首批瞪羚企业', 'held', 2021, 'provincial'],
    ])
    expect(qualificationsOf('融通高科').map((q) => q.type)).toEqual([
      'other',
      'other',
      'unicorn',
      'little_giant',
    ])
    const byType = (type: string) => registers.qualifications.filter((q) => q.type === type).length
    expect([byType('hnte'), byType('gazelle'), byType('little_giant'), byType('unicorn')]).toEqual([
      2, 4, 2, 1,
    ])
    for (const q of registers.qualifications) {
      expect([q.validFrom, q.validTo, q.number]).toEqual([null, null, null])
      expect(q.source).toMatchObject({ kind: 'document' })
    }
  })

  it('maps platform kinds, levels and status, keeping the written type', () => {
    expect(platformTypeOf('企业技术中心')).toBe('enterprise_technology_center')
    expect(platformTypeOf('科技成果转化中试研究基地')).toBe('pilot_base')
    expect(platformTypeOf('研究院')).toBe('other')
    expect(platformNamed('斯瑞尔企业技术中心')).toMatchObject({
      type: 'enterprise_technology_center',
      typeText: '企业技术中心',
      level: 'provincial',
      status: 'built',
      targetLevel: 'national',
    })
    expect(platformNamed('生物发酵技术创新中心')).toMatchObject({
      type: 'technology_innovation_center',
      level: null,
      status: 'striving',
      targetLevel: 'provincial',
    })
    const levels = registers.platforms.map((p) => p.level)
    expect(levels.filter((l) => l === 'national')).toHaveLength(1)
    expect(levels.filter((l) => l === 'provincial')).toHaveLength(6)
    expect(levels.filter((l) => l === 'municipal')).toHaveLength(3)
    expect(registers.platforms.filter((p) => p.targetLevel === 'national')).toHaveLength(17)
    expect(registers.platforms.filter((p) => p.targetLevel === 'provincial')).toHaveLength(11)
    const incubator = platformNamed('黄石大冶湖高新区科技创业服务中心')
    expect(unitName(incubator.parkOrgUnitId)).toBe('黄石大冶湖高新区')
    expect(unitName(incubator.regionOrgUnitId)).toBe('大冶市')
    expect(platformNamed('湖北光谷实验室').regionOrgUnitId).toBeNull()
  })

  it('links hosts and partners by name or alias, keeping unknown names only as written', () => {
    const participantsOf = (platform: string) =>
      registers.platformParticipants
        .filter((p) => p.platformId === platformNamed(platform).id)
        .map((p) => [
          p.role,
          p.nameAsWritten,
          registers.enterprises.find((e) => e.id === p.enterpriseId)?.name ??
            registers.institutions.find((i) => i.id === p.institutionId)?.name ??
            null,
        ])
    expect(participantsOf('纺织服装产业技术研究院')).toEqual([
      ['host', '富顺纺织', '顺富纺织'],
      ['host', '立峰纺织', '立峰纺织'],
      ['partner', '武汉纺织大学', '武汉纺织大学'],
      ['partner', '东华大学', '东华大学'],
    ])
    expect(participantsOf('黄石创新电子信息研究院')).toEqual([
      ['host', '重点电子信息企业', null],
      ['host', '武汉大学电子信息学院', '武汉大学电子信息学院'],
    ])
    expect(participantsOf('大冶鹏程国家级星创天地')).toEqual([['host', '大冶鹏程', '鹏程']])
    const written = source.platforms.reduce((n, p) => n + p.host.length + p.partners.length, 0)
    expect(registers.platformParticipants).toHaveLength(written)
    // Only the generic 重点电子信息企业 names no known record (entities-README: the one warning).
    expect(registers.platformParticipants.filter((p) => !p.enterpriseId && !p.institutionId)).toHaveLength(1)
  })

  it('derives the same ids on every run, none twice', () => {
    const again = buildSeedRegisters(units)
    for (const key of Object.keys(registers) as (keyof typeof registers)[]) {
      const ids = registers[key].map((r) => r.id)
      expect(
        again[key].map((r) => r.id),
        key,
      ).toEqual(ids)
      expect(new Set(ids).size, key).toBe(ids.length)
    }
  })
})

describe('seeded registers in the database', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory' })
    await migrateDatabase(handle)
  })
  afterAll(() => handle.close())

  it('stores every record, and seeding again with force adds nothing', async () => {
    const first = await seedDatabase(handle.db)
    expect(first).toMatchObject({
      institutionsAdded: 21,
      enterprisesAdded: 57,
      qualificationsAdded: 32,
      platformsAdded: 51,
    })
    const before = await handle.db.select().from(enterprises).orderBy(asc(enterprises.id))
    const again = await seedDatabase(handle.db, { force: true })
    expect(again).toMatchObject({
      institutionsAdded: 0,
      enterprisesAdded: 0,
      qualificationsAdded: 0,
      platformsAdded: 0,
    })
    expect(await handle.db.select().from(enterprises).orderBy(asc(enterprises.id))).toEqual(before)
    expect(await handle.db.$count(platformParticipants)).toBe(registers.platformParticipants.length)
    expect(await handle.db.$count(institutions)).toBe(21)
    expect(await handle.db.$count(qualifications)).toBe(32)
    expect(await handle.db.$count(platforms)).toBe(51)
  })

  it('reads back an enterprise with its facts and source as stored JSON', async () => {
    const [row] = await handle.db.select().from(enterprises).where(eq(enterprises.name, '普罗格智芯'))
    expect(row!.aliases).toEqual(['普罗格智芯科技', '普罗格'])
    expect(row!.facts.length).toBe(source.enterprises.find((e) => e.name === '普罗格智芯')!.facts.length)
    expect(row!.source.kind).toBe('document')
  })
})
