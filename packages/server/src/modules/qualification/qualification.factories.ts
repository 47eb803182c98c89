import { randomUUID } from 'node:crypto'
import type { RegisterYearRow } from '@kechuang/core/qualification'
import type { IpLegalStatus, IpType } from '@kechuang/core/registers'
import { ipClassOf } from '@kechuang/core/registers'
import { tables, type Executor } from '@kechuang/db'

// Register rows for the M3 tests, written with Drizzle (the register import is another area's work).

const SOURCE = { kind: 'manual' as const, ref: 'test' }

export type TestYear = Omit<RegisterYearRow, 'updatedAt'>

/** A year of figures (万元, 人) that passes every part ≤ whole check; `figures` overrides any of them. */
export function testYear(year: number, figures: Partial<TestYear> = {}): TestYear {
  return {
    year,
    employeeCount: 100,
    techStaffCount: 20,
    rdStaffCount: 10,
    salesRevenueWanYuan: 8000,
    operatingRevenueWanYuan: 8500,
    totalIncomeWanYuan: 8600,
    costExpenseTotalWanYuan: 7000,
    rdExpenseWanYuan: 288,
    rdExpenseDomesticWanYuan: 280,
    totalAssetsWanYuan: 9000,
    netAssetsWanYuan: 4000,
    hiTechRevenueWanYuan: 6000,
    profitWanYuan: 100,
    taxWanYuan: 50,
    ...figures,
  }
}

export interface TestEnterprise {
  regionId: string | null
  name: string
  foundedOn: string | null
  industryCode?: string
  years: TestYear[]
  ip?: { type: IpType; legalStatus: IpLegalStatus; grantedOn: string | null }[]
}

/** An enterprise (one row, its own cluster) with its yearly figures and IP; returns its id. */
export async function insertTestEnterprise(db: Executor, enterprise: TestEnterprise): Promise<string> {
  const id = randomUUID()
  await db.insert(tables.enterprises).values({
    id,
    canonicalId: id,
    name: enterprise.name,
    nameKey: enterprise.name,
    regionOrgUnitId: enterprise.regionId,
    foundedOn: enterprise.foundedOn,
    industryCode: enterprise.industryCode ?? null,
    source: SOURCE,
  })
  if (enterprise.years.length > 0) {
    await db
      .insert(tables.enterpriseYears)
      .values(enterprise.years.map((y) => ({ ...y, enterpriseId: id, source: SOURCE })))
  }
  const ip = enterprise.ip ?? []
  if (ip.length > 0) {
    await db.insert(tables.intellectualProperty).values(
      ip.map((item) => ({
        enterpriseId: id,
        type: item.type,
        ipClass: ipClassOf(item.type),
        number: randomUUID(),
        title: '测试专利',
        grantedOn: item.grantedOn,
        legalStatus: item.legalStatus,
        source: SOURCE,
      })),
    )
  }
  return id
}
