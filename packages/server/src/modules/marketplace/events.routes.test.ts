import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EngagementDetail, Expert, TechEventDetail, TechEventPage } from '@kechuang/core/marketplace'
import { queryRows } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'
import { createTestRegion, insertEnterprise } from '../registers/libraries.factories'
import {
  ENGAGEMENTS,
  EVENTS,
  countRows,
  createNeed,
  createResult,
  created,
  eventInput,
  expertInput,
} from './deals.factories'

let t: TestApp
let admin: TestClient
let staff: TestClient
let otherStaff: TestClient
let enterprise: TestClient
let town: { id: string; path: string }
let otherTown: { id: string; path: string }
let enterpriseId: string
let expert: Expert

const MISSING = '00000000-0000-4000-8000-000000000000'

beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  town = await createTestRegion(t, admin, '大冶市', '活动测试镇')
  otherTown = await createTestRegion(t, admin, '大冶市', '活动另一镇')
  staff = await createUserAndLogin(t, admin, {
    username: 'event-staff',
    role: 'bureau_staff',
    scopeOrgUnitId: town.id,
  })
  otherStaff = await createUserAndLogin(t, admin, {
    username: 'event-staff-2',
    role: 'bureau_staff',
    scopeOrgUnitId: otherTown.id,
  })
  enterprise = await createUserAndLogin(t, admin, {
    username: 'event-enterprise',
    role: 'enterprise',
    scopeOrgUnitId: town.id,
  })
  enterpriseId = await insertEnterprise(t.database.db, town.id, '活动测试企业', {
    foundedOn: '2015-01-01',
    qualifications: [],
    years: [],
    ip: [],
  })
  expert = await created<Expert>(admin, '/api/marketplace/experts', expertInput({ regionOrgUnitId: town.id }))
})
afterAll(() => t.close())

describe('对接活动', () => {
  let event: TechEventDetail

  it("records an event in the staff member's own unit, with participants and text stored as typed", async () => {
    const response = await staff.post(
      EVENTS,
      eventInput({
        title: '<script>alert(1)</script> 新材料路演',
        participants: [
          { kind: 'enterprise', name: '活动测试企业', refId: enterpriseId },
          { kind: 'expert', name: '张明', refId: expert.id },
          { kind: 'other', name: '媒体记者' },
        ],
      }),
    )
    expect(response.statusCode).toBe(201)
    event = response.json() as TechEventDetail
    expect(event).toMatchObject({
      title: '<script>alert(1)</script> 新材料路演',
      kind: 'roadshow',
      heldOn: '2026-05-20',
      regionOrgUnitId: town.id,
      regionName: '活动测试镇',
      engagementCount: 0,
      engagements: [],
      canEdit: true,
    })
    expect(event.participants).toEqual([
      { kind: 'enterprise', name: '活动测试企业', refId: enterpriseId },
      { kind: 'expert', name: '张明', refId: expert.id },
      { kind: 'other', name: '媒体记者', refId: null },
    ])
    const read = (await staff.get(`${EVENTS}/${event.id}`)).json() as TechEventDetail
    expect(read.title).toBe('<script>alert(1)</script> 新材料路演')
  })

  it('lists newest first with text, kind, year and region filters', async () => {
    await created(staff, EVENTS, eventInput({ title: '果园技术走访', kind: 'visit', heldOn: '2025-09-01' }))
    await created(admin, EVENTS, eventInput({ title: '另一镇对接会', regionOrgUnitId: otherTown.id }))
    const all = (await admin.get(`${EVENTS}?orgUnitId=${town.id}`)).json() as TechEventPage
    expect(all.items.map((e) => e.heldOn)).toEqual(['2026-05-20', '2025-09-01'])
    const byKind = (await staff.get(`${EVENTS}?kind=visit`)).json() as TechEventPage
    expect(byKind.items.map((e) => e.title)).toEqual(['果园技术走访'])
    const byYear = (await staff.get(`${EVENTS}?year=2025`)).json() as TechEventPage
    expect(byYear.total).toBe(1)
    const byText = (await staff.get(`${EVENTS}?q=${encodeURIComponent('科创中心')}`)).json() as TechEventPage
    expect(byText.total).toBe(2)
    // Staff see the events of their own region only.
    const mine = (await staff.get(EVENTS)).json() as TechEventPage
    expect(mine.items.map((e) => e.title)).not.toContain('另一镇对接会')
  })

  it('updates an event and writes the audit log', async () => {
    const response = await staff.patch(
      `${EVENTS}/${event.id}`,
      eventInput({ title: '新材料成果路演（第二场）', participants: [] }),
    )
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ title: '新材料成果路演（第二场）', participants: [] })
    const audit = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'tech_event' and entity_id = ${event.id} order by id`,
    )
    expect(audit.map((a) => a.action)).toEqual(['create', 'update'])
  })

  it('refuses to delete an event a 对接 step names, and deletes an unused one', async () => {
    const need = await createNeed(admin, town.id)
    const result = await createResult(admin)
    const engagement = await created<EngagementDetail>(staff, ENGAGEMENTS, {
      needId: need.id,
      resultId: result.id,
    })
    await staff.post(`${ENGAGEMENTS}/${engagement.id}/steps`, { status: 'meeting', eventId: event.id })
    const inUse = await staff.delete(`${EVENTS}/${event.id}`)
    expect(inUse.statusCode).toBe(409)
    expect(inUse.json()).toMatchObject({ code: 'EVENT_IN_USE', message: '该活动已被对接记录引用，不能删除' })
    const detail = (await staff.get(`${EVENTS}/${event.id}`)).json() as TechEventDetail
    expect(detail.engagements.map((e) => e.id)).toEqual([engagement.id])

    const unused = await created<TechEventDetail>(staff, EVENTS, eventInput({ title: '待删除活动' }))
    expect((await staff.delete(`${EVENTS}/${unused.id}`)).statusCode).toBe(204)
    expect((await staff.get(`${EVENTS}/${unused.id}`)).statusCode).toBe(404)
  })

  it('refuses staff of another region, changing nothing', async () => {
    const patched = await otherStaff.patch(`${EVENTS}/${event.id}`, eventInput({ title: '改掉' }))
    expect(patched.statusCode).toBe(403)
    expect(patched.json()).toMatchObject({ code: 'DEAL_NOT_EDITABLE' })
    const before = await countRows(t, 'tech_events')
    const outside = await otherStaff.post(EVENTS, eventInput({ regionOrgUnitId: town.id }))
    expect(outside.statusCode).toBe(404)
    expect(outside.json()).toMatchObject({ code: 'REGION_NOT_FOUND' })
    expect(await countRows(t, 'tech_events')).toBe(before)
    expect((await staff.get(`${EVENTS}/${event.id}`)).json()).toMatchObject({
      title: '新材料成果路演（第二场）',
    })
  })

  it('keeps enterprises out', async () => {
    expect((await enterprise.get(EVENTS)).statusCode).toBe(403)
    expect((await enterprise.get(`${EVENTS}/${event.id}`)).statusCode).toBe(403)
  })
})

describe('bad input', () => {
  it('refuses participants that name no register record, or an "other" with an id', async () => {
    const before = await countRows(t, 'tech_events')
    const unknown = await staff.post(
      EVENTS,
      eventInput({ participants: [{ kind: 'institution', name: '某大学', refId: MISSING }] }),
    )
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ code: 'PARTICIPANT_NOT_FOUND', details: { index: 0 } })
    const wrongKind = await staff.post(
      EVENTS,
      eventInput({ participants: [{ kind: 'expert', name: '企业冒充专家', refId: enterpriseId }] }),
    )
    expect(wrongKind.statusCode).toBe(404)
    const other = await staff.post(
      EVENTS,
      eventInput({ participants: [{ kind: 'other', name: '记者', refId: enterpriseId }] }),
    )
    expect(other.statusCode).toBe(400)
    expect(other.json()).toMatchObject({ code: 'PARTICIPANT_REF_NOT_ALLOWED' })
    expect(await countRows(t, 'tech_events')).toBe(before)
  })

  const cases: [string, Record<string, unknown>, string][] = [
    ['a bad date', { heldOn: '2026-02-30' }, '日期应为 YYYY-MM-DD 格式'],
    ['an unknown kind', { kind: 'party' }, '活动类型不正确'],
    ['a one-character title', { title: '会' }, '活动名称至少'],
    ['an unknown field', { budget: 1 }, ''],
  ]
  for (const [name, overrides, message] of cases) {
    it(`refuses an event with ${name}`, async () => {
      const before = await countRows(t, 'tech_events')
      const response = await staff.post(EVENTS, eventInput(overrides))
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' })
      if (message) expect(JSON.stringify(response.json())).toContain(message)
      expect(await countRows(t, 'tech_events')).toBe(before)
    })
  }
})
