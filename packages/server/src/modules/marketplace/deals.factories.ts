import { sql } from 'drizzle-orm'
import type { TechNeed, TechResult } from '@kechuang/core/marketplace'
import { queryRows } from '@kechuang/db'
import type { TestApp, TestClient } from '../../test-helpers/index'

// Test data of the 对接 / 对接活动 / 技术合同 route tests, created through the API as staff would.

export const ENGAGEMENTS = '/api/marketplace/engagements'
export const EVENTS = '/api/marketplace/events'
export const CONTRACTS = '/api/marketplace/contracts'

export const needInput = (overrides: Record<string, unknown> = {}) => ({
  title: '锂电池正极材料技术需求',
  description: '我公司生产磷酸铁锂电池，希望提升正极材料压实密度。',
  keywords: ['正极材料', '锂电池'],
  industry: '新材料',
  enterpriseName: '甲新能源有限公司',
  budgetWanYuan: 50,
  ...overrides,
})

export const resultInput = (overrides: Record<string, unknown> = {}) => ({
  title: '高镍三元正极材料制备技术',
  abstract: '一种锂电池正极材料的共沉淀制备工艺，提升压实密度。',
  keywords: ['正极材料', '锂电池'],
  industry: '新材料',
  maturity: 'pilot',
  ownerName: '示例理工大学材料学院',
  transferMode: 'license',
  ...overrides,
})

export const expertInput = (overrides: Record<string, unknown> = {}) => ({
  name: '张明',
  organization: '示例理工大学',
  title: '教授',
  fields: ['正极材料'],
  industry: '新材料',
  ...overrides,
})

export const eventInput = (overrides: Record<string, unknown> = {}) => ({
  title: '新材料成果路演',
  kind: 'roadshow',
  heldOn: '2026-05-20',
  location: '大冶市科创中心',
  organizer: '大冶市科技局',
  ...overrides,
})

export const contractInput = (overrides: Record<string, unknown> = {}) => ({
  registrationNumber: '420281-2026-0001',
  title: '正极材料共沉淀工艺技术许可合同',
  type: 'license',
  amountWanYuan: 120.5,
  sellerName: '示例理工大学',
  buyerName: '甲新能源有限公司',
  signedOn: '2026-03-01',
  ...overrides,
})

/** Creates a record through the API and returns it, failing the test with the body when it is refused. */
export async function created<T>(client: TestClient, url: string, body: unknown): Promise<T> {
  const response = await client.post(url, body)
  if (response.statusCode !== 201) throw new Error(`POST ${url} failed: ${response.body}`)
  return response.json() as T
}

export const createNeed = (client: TestClient, regionOrgUnitId: string, overrides = {}) =>
  created<TechNeed>(client, '/api/marketplace/needs', needInput({ regionOrgUnitId, ...overrides }))
export const createResult = (client: TestClient, overrides = {}) =>
  created<TechResult>(client, '/api/marketplace/results', resultInput(overrides))

export async function countRows(t: TestApp, table: string, where = sql`true`): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
  )
  return rows[0]!.n
}
