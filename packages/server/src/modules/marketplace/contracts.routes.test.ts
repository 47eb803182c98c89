import ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TechContract,
  TechContractInput,
  TechContractPage,
  TechContractTotals,
} from '@kechuang/core/marketplace'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import type { Actor } from '../audit/actor'
import { createAuditService } from '../audit/audit.service'
import { createOrgUnitsService } from '../org-units/org-units.service'
import { createTestRegion } from '../registers/libraries.factories'
import { createContractsService } from './contracts.service'
import { CONTRACTS, contractInput, countRows, created } from './deals.factories'
import { createMarketplaceIndexService } from './marketplace-index.service'
import { CONTRACTS_SHEET } from './contracts.workbook'

let t: TestApp
let admin: TestClient
let staff: TestClient
let otherStaff: TestClient
let enterprise: TestClient
let county: string
let townA: { id: string; path: string }
let townB: { id: string; path: string }

const MISSING = '00000000-0000-4000-8000-000000000000'

const totalsOf = async (client: TestClient, query: string) => {
  const response = await client.get(`${CONTRACTS}/totals?${query}`)
  if (response.statusCode !== 200) throw new Error(response.body)
  return response.json() as TechContractTotals
}

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  county = await t.orgUnitId('大冶市')
  townA = await createTestRegion(t, admin, '大冶市', '合同测试甲镇')
  townB = await createTestRegion(t, admin, '大冶市', '合同测试乙镇')
  staff = await createUserAndLogin(t, admin, {
    username: 'contract-staff',
    role: 'bureau_staff',
    scopeOrgUnitId: townA.id,
  })
  otherStaff = await createUserAndLogin(t, admin, {
    username: 'contract-staff-2',
    role: 'bureau_staff',
    scopeOrgUnitId: townB.id,
  })
  enterprise = await createUserAndLogin(t, admin, {
    username: 'contract-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: townA.id,
  })
})
afterAll(() => t.close())

describe('技术合同 registry', () => {
  let contract: TechContract

  it("registers a contract in the staff member's own unit, text stored as typed", async () => {
    const response = await staff.post(
      CONTRACTS,
      contractInput({ title: '<img src=x onerror=alert(1)> 正极材料许可', note: '=1+1' }),
    )
    expect(response.statusCode).toBe(201)
    contract = response.json() as TechContract
    expect(contract).toMatchObject({
      registrationNumber: '420281-2026-0001',
      title: '<img src=x onerror=alert(1)> 正极材料许可',
      type: 'license',
      amountWanYuan: 120.5,
      signedOn: '2026-03-01',
      regionOrgUnitId: townA.id,
      regionName: '合同测试甲镇',
      engagementId: null,
      note: '=1+1',
      canEdit: true,
    })
    expect((await staff.get(`${CONTRACTS}/${contract.id}`)).json()).toMatchObject({
      title: '<img src=x onerror=alert(1)> 正极材料许可',
    })
  })

  it('updates it and writes the audit log; the number stays unique among live contracts', async () => {
    const response = await staff.patch(
      `${CONTRACTS}/${contract.id}`,
      contractInput({
        title: '<img src=x onerror=alert(1)> 正极材料许可',
        note: '=1+1',
        amountWanYuan: 99.1234,
        type: 'development',
      }),
    )
    expect(response.statusCode).toBe(200)
    contract = response.json() as TechContract
    expect(contract).toMatchObject({ amountWanYuan: 99.1234, type: 'development', regionOrgUnitId: townA.id })

    const other = await created<TechContract>(
      staff,
      CONTRACTS,
      contractInput({ registrationNumber: '420281-2026-0009' }),
    )
    const taken = await staff.patch(
      `${CONTRACTS}/${other.id}`,
      contractInput({ registrationNumber: contract.registrationNumber }),
    )
    expect(taken.statusCode).toBe(409)
    expect(taken.json()).toMatchObject({ code: 'CONTRACT_NUMBER_TAKEN' })
    const linked = await staff.patch(`${CONTRACTS}/${other.id}`, contractInput({ engagementId: MISSING }))
    expect(linked.statusCode).toBe(400)
    expect(linked.json()).toMatchObject({ code: 'CONTRACT_ENGAGEMENT_CHANGED' })

    // A deleted contract's number may be used again.
    expect((await staff.delete(`${CONTRACTS}/${other.id}`)).statusCode).toBe(204)
    const reused = await staff.post(CONTRACTS, contractInput({ registrationNumber: '420281-2026-0009' }))
    expect(reused.statusCode).toBe(201)
    await staff.delete(`${CONTRACTS}/${(reused.json() as TechContract).id}`)

    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'tech_contract' and entity_id = ${contract.id}
          order by id`,
    )
    expect(audit.map((a) => a.action)).toEqual(['create', 'update'])
  })

  it('refuses staff of another region, changing nothing', async () => {
    const patched = await otherStaff.patch(`${CONTRACTS}/${contract.id}`, contractInput({ amountWanYuan: 1 }))
    expect(patched.statusCode).toBe(403)
    expect(patched.json()).toMatchObject({ code: 'DEAL_NOT_EDITABLE' })
    expect((await otherStaff.delete(`${CONTRACTS}/${contract.id}`)).statusCode).toBe(403)
    const before = await countRows(t, 'tech_contracts')
    const outside = await otherStaff.post(
      CONTRACTS,
      contractInput({ registrationNumber: 'X-1', regionOrgUnitId: townA.id }),
    )
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ code: 'REGION_NOT_FOUND' })
    expect(await countRows(t, 'tech_contracts')).toBe(before)
    expect((await staff.get(`${CONTRACTS}/${contract.id}`)).json()).toMatchObject({ amountWanYuan: 99.1234 })
    // Reads are scoped too.
    expect((await otherStaff.get(`${CONTRACTS}/${contract.id}`)).statusCode).toBe(404)
    expect(((await otherStaff.get(CONTRACTS)).json() as TechContractPage).total).toBe(0)
  })

  it('keeps enterprises out', async () => {
    expect((await enterprise.get(CONTRACTS)).statusCode).toBe(403)
    expect((await enterprise.get(`${CONTRACTS}/${contract.id}`)).statusCode).toBe(403)
    expect((await enterprise.get(`${CONTRACTS}/export.xlsx`)).statusCode).toBe(403)
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a negative amount', { amountWanYuan: -1 }, '成交金额必须大于 0'],
    ['a zero amount', { amountWanYuan: 0 }, '成交金额必须大于 0'],
    ['an amount with 5 decimals', { amountWanYuan: 1.00001 }, '成交金额最多保留 4 位小数'],
    ['an amount as text', { amountWanYuan: '12' }, '成交金额应为数字'],
    ['a bad date format', { signedOn: '2026/03/01' }, '日期应为 YYYY-MM-DD 格式'],
    ['an unknown type', { type: 'sale' }, '合同类型应为'],
    ['an unknown field', { taxWanYuan: 1 }, ''],
  ]
  for (const [name, overrides, message] of cases) {
    it(`refuses a contract with ${name} (400, nothing stored)`, async () => {
      const before = await countRows(t, 'tech_contracts')
      const response = await staff.post(
        CONTRACTS,
        contractInput({ registrationNumber: 'BAD-1', ...overrides }),
      )
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
      if (message) expect(JSON.stringify(response.json())).toContain(message)
      expect(await countRows(t, 'tech_contracts')).toBe(before)
    })
  }

  it('refuses a signing date in the future, a duplicate number and unknown register links', async () => {
    const before = await countRows(t, 'tech_contracts')
    const future = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: 'F-1', signedOn: '2099-01-01' }),
    )
    expect(future.statusCode).toBe(400)
    expect(future.json()).toMatchObject({
      code: 'CONTRACT_DATE_IN_FUTURE',
      message: '合同签订日期不能晚于今天',
    })
    const duplicate = await staff.post(CONTRACTS, contractInput())
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.json()).toMatchObject({ code: 'CONTRACT_NUMBER_TAKEN' })
    const noBuyer = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: 'L-1', buyerEnterpriseId: MISSING }),
    )
    expect(noBuyer.statusCode).toBe(404)
    expect(noBuyer.json()).toMatchObject({ code: 'ENTERPRISE_NOT_FOUND' })
    const noSeller = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: 'L-2', sellerInstitutionId: MISSING }),
    )
    expect(noSeller.json()).toMatchObject({ code: 'INSTITUTION_NOT_FOUND' })
    const noEngagement = await staff.post(
      CONTRACTS,
      contractInput({ registrationNumber: 'L-3', engagementId: MISSING }),
    )
    expect(noEngagement.json()).toMatchObject({ code: 'ENGAGEMENT_NOT_FOUND' })
    expect(await countRows(t, 'tech_contracts')).toBe(before)
  })

  it("compares the signing date with today's date in China, not UTC", async () => {
    const db = t.database.db
    const audit = createAuditService({ db })
    // 16:30 UTC on 1 March is 00:30 on 2 March in China.
    const service = createContractsService({
      db,
      audit,
      orgUnits: createOrgUnitsService({ db, audit }),
      index: createMarketplaceIndexService({ db }),
      now: () => new Date('2026-03-01T16:30:00Z'),
    })
    const actor: Actor = {
      userId: staff.session!.user.id,
      username: 'contract-staff',
      displayName: 'contract-staff',
      role: 'bureau_staff',
      scopeOrgUnitId: townA.id,
      scopePath: townA.path,
      ip: null,
    }
    const input = (registrationNumber: string, signedOn: string) =>
      contractInput({
        registrationNumber,
        signedOn,
        sellerInstitutionId: null,
        sellerEnterpriseId: null,
        buyerEnterpriseId: null,
        regionOrgUnitId: null,
        engagementId: null,
        note: null,
      }) as TechContractInput
    const before = await countRows(t, 'tech_contracts')
    await expect(service.create(actor, input('NOW-2', '2026-03-03'))).rejects.toMatchObject({
      code: 'CONTRACT_DATE_IN_FUTURE',
    })
    expect(await countRows(t, 'tech_contracts')).toBe(before)
    const today = await service.create(actor, input('NOW-1', '2026-03-02'))
    expect(today.signedOn).toBe('2026-03-02')
    await service.remove(actor, today.id)
  })
})

describe('totals by year and region', () => {
  let baseline: TechContractTotals

  beforeAll(async () => {
    baseline = await totalsOf(admin, `orgUnitId=${county}&fromYear=2024&toYear=2025`)
    const register = (number: string, overrides: Record<string, unknown>) =>
      created<TechContract>(admin, CONTRACTS, contractInput({ registrationNumber: number, ...overrides }))
    await register('T-A-2024', { regionOrgUnitId: townA.id, signedOn: '2024-06-01', amountWanYuan: 0.1 })
    await register('T-A-2025', { regionOrgUnitId: townA.id, signedOn: '2025-12-31', amountWanYuan: 0.2 })
    await register('T-B-2025', {
      regionOrgUnitId: townB.id,
      signedOn: '2025-01-01',
      amountWanYuan: 1.2345,
      type: 'service',
    })
    await register('T-C-2025', { regionOrgUnitId: county, signedOn: '2025-07-01', amountWanYuan: 10 })
    const withdrawn = await register('T-B-X', {
      regionOrgUnitId: townB.id,
      signedOn: '2025-02-01',
      amountWanYuan: 999,
    })
    await admin.delete(`${CONTRACTS}/${withdrawn.id}`)
    // Outside the years asked for.
    await register('T-A-2023', { regionOrgUnitId: townA.id, signedOn: '2023-12-31', amountWanYuan: 5 })
  })

  it('sums each child region with its subtree, by year, exactly to the 元', async () => {
    const totals = await totalsOf(admin, `orgUnitId=${county}&fromYear=2024&toYear=2025`)
    expect(totals.orgUnit).toEqual({ id: county, name: '大冶市' })
    expect(totals.years).toEqual([2024, 2025])
    expect(totals.regions[0]).toMatchObject({ orgUnitId: county, name: '大冶市' })
    expect(totals.regions.find((r) => r.orgUnitId === townA.id)).toEqual({
      orgUnitId: townA.id,
      name: '合同测试甲镇',
      byYear: [
        { year: 2024, count: 1, amountWanYuan: 0.1 },
        { year: 2025, count: 1, amountWanYuan: 0.2 },
      ],
      count: 2,
      amountWanYuan: 0.3,
    })
    expect(totals.regions.find((r) => r.orgUnitId === townB.id)).toMatchObject({
      count: 1,
      amountWanYuan: 1.2345,
    })
    // Registered at the county itself, beside whatever the seed holds there.
    const direct = totals.regions[0]!.amountWanYuan - baseline.regions[0]!.amountWanYuan
    expect(direct).toBeCloseTo(10, 4)
    expect(totals.count - baseline.count).toBe(4)
    expect(totals.amountWanYuan - baseline.amountWanYuan).toBeCloseTo(11.5345, 4)
    const service = totals.byType.find((r) => r.type === 'service')!
    const baseService = baseline.byType.find((r) => r.type === 'service')!
    expect(service.count - baseService.count).toBe(1)
    // The regions add up to the whole.
    expect(totals.regions.reduce((sum, r) => sum + r.count, 0)).toBe(totals.count)
  })

  it("defaults to the actor's own unit and the last five years", async () => {
    const totals = await totalsOf(staff, '')
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    expect(totals.years).toEqual([thisYear - 4, thisYear - 3, thisYear - 2, thisYear - 1, thisYear])
    expect(totals.orgUnit.id).toBe(townA.id)
    expect(totals.regions.map((r) => r.orgUnitId)).toEqual([townA.id])
    const inRange = await totalsOf(staff, 'fromYear=2024&toYear=2025')
    expect(inRange).toMatchObject({ count: 2, amountWanYuan: 0.3 })
    expect(inRange.byYear).toEqual([
      { year: 2024, count: 1, amountWanYuan: 0.1 },
      { year: 2025, count: 1, amountWanYuan: 0.2 },
    ])
  })

  it('refuses a region outside the scope and a reversed year range', async () => {
    const outside = await otherStaff.get(`${CONTRACTS}/totals?orgUnitId=${townA.id}`)
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ code: 'REGION_NOT_FOUND' })
    const reversed = await staff.get(`${CONTRACTS}/totals?fromYear=2026&toYear=2024`)
    expect(reversed.statusCode).toBe(400)
    expect(JSON.stringify(reversed.json())).toContain('起始年份不能晚于结束年份')
  })

  it('lists with text, type, year and region filters, newest signed first', async () => {
    const byYear = (await admin.get(`${CONTRACTS}?year=2025&orgUnitId=${county}`)).json() as TechContractPage
    expect(byYear.items.map((c) => c.registrationNumber)).toEqual(['T-A-2025', 'T-C-2025', 'T-B-2025'])
    const byType = (
      await admin.get(`${CONTRACTS}?type=service&orgUnitId=${county}`)
    ).json() as TechContractPage
    expect(byType.items.map((c) => c.registrationNumber)).toEqual(['T-B-2025'])
    const byText = (await admin.get(`${CONTRACTS}?q=T-A-20&orgUnitId=${townA.id}`)).json() as TechContractPage
    expect(byText.total).toBe(3)
  })

  it('exports the filtered list as a workbook with text cells as typed', async () => {
    const response = await staff.get(`${CONTRACTS}/export.xlsx?year=2026`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet(CONTRACTS_SHEET)!
    const row = sheet.getRow(2)
    expect(row.getCell(2).value).toBe('420281-2026-0001')
    expect(row.getCell(3).value).toBe('<img src=x onerror=alert(1)> 正极材料许可')
    expect(row.getCell(5).value).toBe(99.1234)
    expect(row.getCell(10).value).toBe('=1+1')
    // Only this year's contract of the staff member's region; the deleted ones are left out.
    expect(sheet.getRow(4).getCell(2).value).toMatch(/共 1 份$/)
  })
})
