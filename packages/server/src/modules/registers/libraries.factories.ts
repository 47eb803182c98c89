import { randomUUID } from 'node:crypto'
import type {
  EnterpriseFacts,
  PlatformLevel,
  PlatformStatus,
  PlatformType,
  ProjectKind,
  ProjectStatus,
  TalentKind,
} from '@kechuang/core/registers'
import { tables, type Executor } from '@kechuang/db'
import type { TestApp, TestClient } from '../../test-helpers/index'

// Test rows of the registers, written with Drizzle (the register import is another area's work), so the
// 五库, ladder and register-metric tests never depend on the seed's enterprises.

const SOURCE = { kind: 'manual' as const, ref: 'test' }

/** A new township under `parentName`, created through the API so its path is the app's own. */
export async function createTestRegion(
  t: TestApp,
  admin: TestClient,
  parentName: string,
  name: string,
): Promise<{ id: string; path: string }> {
  const response = await admin.post('/api/org-units', {
    parentId: await t.orgUnitId(parentName),
    name,
    type: 'township',
  })
  if (response.statusCode !== 201) throw new Error(`creating ${name} failed: ${response.body}`)
  const unit = response.json() as { id: string; path: string }
  return { id: unit.id, path: unit.path }
}

/** An enterprise (one row, its own cluster) with the facts the rules read, as core EnterpriseFacts. */
export async function insertEnterprise(
  db: Executor,
  regionId: string | null,
  name: string,
  facts: EnterpriseFacts,
): Promise<string> {
  const id = randomUUID()
  await db.insert(tables.enterprises).values({
    id,
    canonicalId: id,
    name,
    nameKey: name,
    regionOrgUnitId: regionId,
    foundedOn: facts.foundedOn,
    source: SOURCE,
  })
  await insertEnterpriseRecords(db, id, facts)
  return id
}

/** Qualifications, yearly figures and IP for an existing enterprise row. */
export async function insertEnterpriseRecords(
  db: Executor,
  enterpriseId: string,
  facts: Omit<EnterpriseFacts, 'foundedOn'>,
): Promise<void> {
  if (facts.qualifications.length > 0) {
    await db.insert(tables.qualifications).values(
      facts.qualifications.map((q) => ({
        enterpriseId,
        type: q.type,
        title: q.type,
        status: q.status,
        year: q.year,
        validFrom: q.validFrom,
        validTo: q.validTo,
        source: SOURCE,
      })),
    )
  }
  // One row per year and enterprise row (the table's key); duplicates of a cluster are separate rows.
  const years = [...new Map(facts.years.map((y) => [y.year, y])).values()]
  if (years.length > 0) {
    await db.insert(tables.enterpriseYears).values(
      years.map((y) => ({
        enterpriseId,
        year: y.year,
        rdExpenseWanYuan: y.rdExpenseWanYuan,
        salesRevenueWanYuan: y.salesRevenueWanYuan,
        rdStaffCount: y.rdStaffCount,
        source: SOURCE,
      })),
    )
  }
  if (facts.ip.length > 0) {
    await db.insert(tables.intellectualProperty).values(
      facts.ip.map((ip) => ({
        enterpriseId,
        type:
          ip.ipClass === 'I'
            ? ('invention' as const)
            : ip.ipClass === 'II'
              ? ('utilityModel' as const)
              : ('trademark' as const),
        ipClass: ip.ipClass,
        number: randomUUID(),
        title: '测试专利',
        grantedOn: ip.grantedOn,
        legalStatus: ip.legalStatus,
        source: SOURCE,
      })),
    )
  }
}

export async function insertProject(
  db: Executor,
  values: { regionId: string; name: string; kind: ProjectKind; status: ProjectStatus; enterpriseId?: string },
): Promise<string> {
  const id = randomUUID()
  await db.insert(tables.projects).values({
    id,
    name: values.name,
    kind: values.kind,
    status: values.status,
    regionOrgUnitId: values.regionId,
    enterpriseId: values.enterpriseId ?? null,
    source: SOURCE,
  })
  return id
}

export async function insertTalent(
  db: Executor,
  values: { regionId: string; name: string; kind: TalentKind },
): Promise<string> {
  const id = randomUUID()
  await db.insert(tables.talents).values({
    id,
    name: values.name,
    kind: values.kind,
    regionOrgUnitId: values.regionId,
    idNumber: '420281199001011234',
    phone: '13800000000',
    source: SOURCE,
  })
  return id
}

export async function insertPlatform(
  db: Executor,
  values: {
    regionId: string
    name: string
    type: PlatformType
    status: PlatformStatus
    level: PlatformLevel | null
    targetLevel?: PlatformLevel | null
    approvedOn?: string | null
  },
): Promise<string> {
  const id = randomUUID()
  await db.insert(tables.platforms).values({
    id,
    name: values.name,
    type: values.type,
    status: values.status,
    level: values.level,
    targetLevel: values.targetLevel ?? null,
    approvedOn: values.approvedOn ?? null,
    regionOrgUnitId: values.regionId,
    source: SOURCE,
  })
  return id
}
