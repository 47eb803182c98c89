import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, tables } from '@kechuang/db'
import { createTestApp, createUserAndLogin, type TestApp, type TestClient } from '../../test-helpers/index'

// The real app on a fresh seeded database (Daye's 2021 and 2022 figures are seeded); more values are
// entered through the API, and the small plans with formulas are written to the tables (no plan editor yet).
let t: TestApp
let admin: TestClient
let townReporter: TestClient
let yangxinReporter: TestClient
let dayeId: string
let townId: string
let otherTownId: string
let thirdTownId: string
let yangxinId: string
beforeAll(async () => {
  t = await createTestApp()
  admin = await t.login()
  dayeId = await t.orgUnitId('大冶市')
  townId = await t.orgUnitId('还地桥镇')
  otherTownId = await t.orgUnitId('陈贵镇')
  thirdTownId = await t.orgUnitId('茗山乡')
  yangxinId = await t.orgUnitId('阳新县')
  townReporter = await createUserAndLogin(t, admin, {
    username: 'hdq-reporter',
    displayName: '还地桥填报员',
    role: 'reporter',
    scopeOrgUnitId: townId,
  })
  yangxinReporter = await createUserAndLogin(t, admin, {
    username: 'yx-reporter',
    role: 'reporter',
    scopeOrgUnitId: yangxinId,
  })
})
afterAll(() => t.close())

const DAYE = '/api/plans/daye-2022-2024'

type Row = {
  code: string
  value: number | null
  target: { op: string; value: number | null } | null
  status: string
  statusLabel: string
  isMet: boolean
  gap: number | null
  gapText: string | null
  completionRatio: number | null
  progressRatio: number | null
  rule: string
  ruleLabel: string
  expected: { value: number } | null
}
const rowOf = (rows: Row[], code: string) => rows.find((r) => r.code === code)!

async function report(client: TestClient, body: Record<string, unknown>, planPath = DAYE) {
  const response = await client.post(`${planPath}/observations`, { source: '测试填报', ...body })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

function expectError(
  response: { statusCode: number; json(): unknown },
  status: number,
  code: string,
  message: RegExp,
) {
  const body = response.json() as { code: string; message: string }
  expect(response.statusCode, JSON.stringify(body)).toBe(status)
  expect(body.code).toBe(code)
  expect(body.message).toMatch(message)
}

describe('GET /api/plans/:planId/status', () => {
  it('judges Daye’s 2022 figures: 高新技术企业数 243 against 248 is not met, 差 5 家', async () => {
    const response = await admin.get(`${DAYE}/status?year=2022`)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({
      planId: 'daye-2022-2024',
      orgUnit: { id: dayeId, name: '大冶市' },
      year: 2022,
    })
    expect(body.rows).toHaveLength(26)
    const hnte = rowOf(body.rows, 'DY-15')
    expect(hnte).toMatchObject({
      value: 243,
      target: { year: 2022, op: '>=', value: 248, valueText: '248' },
      isMet: false,
      gap: 5,
      gapText: '差 5 家',
      expected: { value: 248, appliedModel: 'linear', fallbackReason: null },
      // 约束性: (243 − 197) / (248 − 197) = 0.902, below the binding 0.95 but above 0.8.
      status: 'lagging',
      statusLabel: '滞后',
      rule: 'progress_ratio',
    })
    expect(hnte.progressRatio).toBeCloseTo(46 / 51, 10)
    expect(hnte.ruleLabel).toMatch(/进度比/)
  })

  it('judges 科技型中小企业 555 against 450 已完成 at 123.3%', async () => {
    const body = (await admin.get(`${DAYE}/status?year=2022`)).json()
    const tsme = rowOf(body.rows, 'DY-24')
    expect(tsme).toMatchObject({
      value: 555,
      isMet: true,
      status: 'achieved',
      statusLabel: '已完成',
      rule: 'year_target_met',
      gapText: '已达标，超出 105 家',
    })
    expect(tsme.completionRatio).toBeCloseTo(1.2333, 4)
    expect(body.counts).toEqual({ achieved: 1, on_track: 0, lagging: 1, seriously_lagging: 0, no_data: 24 })
  })

  it('defaults to the latest year with a value, and counts every indicator once', async () => {
    const body = (await admin.get(DAYE)).json()
    const status = (await admin.get(`${DAYE}/status`)).json()
    expect(status.year).toBe(2022)
    const total = Object.values(status.counts as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(total).toBe(body.indicators.length)
  })

  it('shows a town reporter its own town, with a value it entered through the API', async () => {
    await report(townReporter, { indicatorCode: 'DY-23', orgUnitId: townId, year: 2022, value: 0.29 })
    const body = (await townReporter.get(`${DAYE}/status?year=2022`)).json()
    expect(body.orgUnit).toEqual({ id: townId, name: '还地桥镇' })
    // 万元GDP综合能耗 0.29 against ≤0.30 is met (lower is better: 完成率 0.30 / 0.29).
    const energy = rowOf(body.rows, 'DY-23')
    expect(energy).toMatchObject({ value: 0.29, isMet: true, status: 'achieved' })
    expect(energy.completionRatio).toBeCloseTo(0.3 / 0.29, 10)
    expect(rowOf(body.rows, 'DY-15')).toMatchObject({
      value: null,
      status: 'no_data',
      rule: 'no_observation',
    })
  })

  it('refuses a year outside the plan, a malformed year and an unknown parameter', async () => {
    expectError(await admin.get(`${DAYE}/status?year=2030`), 422, 'YEAR_OUTSIDE_PLAN', /2021—2024/)
    expectError(await admin.get(`${DAYE}/status?year=abc`), 400, 'VALIDATION_FAILED', /年份必须是数字/)
    expectError(await admin.get(`${DAYE}/status?unit=x`), 400, 'VALIDATION_FAILED', /unit/)
  })

  it('refuses a unit outside the plan’s region or the reader’s scope, and a plan the reader cannot see', async () => {
    expectError(
      await admin.get(`${DAYE}/status?orgUnitId=${yangxinId}`),
      422,
      'ORG_UNIT_OUTSIDE_PLAN',
      /不在本规划的实施范围/,
    )
    expectError(
      await townReporter.get(`${DAYE}/status?orgUnitId=${otherTownId}`),
      404,
      'ORG_UNIT_NOT_FOUND',
      /不在您的管辖范围内/,
    )
    expectError(await yangxinReporter.get(`${DAYE}/status`), 404, 'PLAN_NOT_FOUND', /规划不存在/)
    expectError(await admin.get('/api/plans/no-such-plan/status'), 404, 'PLAN_NOT_FOUND', /规划不存在/)
  })

  it('is closed to accounts without the plan permission and to anonymous callers', async () => {
    const enterprise = await createUserAndLogin(t, admin, {
      username: 'some-enterprise',
      role: 'enterprise',
      scopeOrgUnitId: dayeId,
    })
    expectError(await enterprise.get(`${DAYE}/status`), 403, 'FORBIDDEN', /没有执行此操作的权限/)
    expect((await t.anonymous().get(`${DAYE}/status`)).statusCode).toBe(401)
  })
})

describe('GET /api/plans/:planId/dashboard', () => {
  it('gives the status distribution, binding indicators at risk, lagging list, trends and task progress', async () => {
    const response = await admin.get(`${DAYE}/dashboard?year=2022`)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ planName: expect.any(String), orgUnit: { id: dayeId }, year: 2022 })
    expect(body.indicatorCount).toBe(26)
    expect(body.counts.lagging).toBe(1)
    expect(body.bindingAtRisk.map((r: Row) => [r.code, r.gapText])).toEqual([['DY-15', '差 5 家']])
    expect(body.lagging.map((r: Row) => r.code)).toEqual(['DY-15'])
    const trend = body.trends.find((tr: { code: string }) => tr.code === 'DY-15')
    expect(trend.points).toEqual([
      { year: 2021, value: 197, target: null, expected: 197 },
      { year: 2022, value: 243, target: 248, expected: 248 },
      { year: 2023, value: null, target: 300, expected: 300 },
      { year: 2024, value: null, target: 350, expected: 350 },
    ])
    expect(body.taskProgress.length).toBeGreaterThan(0)
    for (const unit of body.taskProgress) {
      expect(unit.taskCount).toBeGreaterThanOrEqual(unit.reportedCount)
      expect(unit.missingCount).toBeLessThanOrEqual(unit.taskCount)
    }
  })

  it('compares the chosen indicator across the child units, and counts a task report', async () => {
    const hnteId = (await admin.get(`${DAYE}/status?year=2022`))
      .json()
      .rows.find((r: Row & { indicatorId: string }) => r.code === 'DY-15').indicatorId
    await report(admin, { indicatorCode: 'DY-15', orgUnitId: otherTownId, year: 2022, value: 12 })
    const tasks = (await admin.get(`${DAYE}/tasks`)).json().items as {
      id: string
      milestones: { year: number }[]
      progress: { orgUnitId: string }[]
    }[]
    const task = tasks.find((tk) => tk.progress.some((p) => p.orgUnitId === townId))!
    const progress = await townReporter.post(`/api/tasks/${task.id}/progress`, {
      orgUnitId: townId,
      year: 2022,
      text: '已完成年度任务',
      percentDone: 100,
    })
    expect(progress.statusCode, progress.body).toBe(201)

    const body = (await admin.get(`${DAYE}/dashboard?year=2022&indicatorId=${hnteId}`)).json()
    expect(body.comparison).toMatchObject({ code: 'DY-15', year: 2022 })
    const units = body.comparison.units as { orgUnitId: string; value: number | null; status: string }[]
    expect(units.find((u) => u.orgUnitId === otherTownId)).toMatchObject({
      value: 12,
      status: 'seriously_lagging',
    })
    expect(units.find((u) => u.orgUnitId === townId)).toMatchObject({ value: null, status: 'no_data' })
    const town = body.taskProgress.find((u: { orgUnitId: string }) => u.orgUnitId === townId)
    expect(town.reportedCount).toBe(1)
    // 2022 has ended: every 2022 milestone of the town's other tasks lacks a report.
    const with2022 = tasks.filter(
      (tk) => tk.progress.some((p) => p.orgUnitId === townId) && tk.milestones.some((m) => m.year === 2022),
    )
    expect(town.missingCount).toBe(with2022.filter((tk) => tk.id !== task.id).length)
  })

  it('shows a town reporter only its own town and the units below it', async () => {
    const body = (await townReporter.get(`${DAYE}/dashboard?year=2022`)).json()
    expect(body.orgUnit).toEqual({ id: townId, name: '还地桥镇' })
    for (const unit of body.taskProgress) expect(unit.orgUnitId).toBe(townId)
  })

  it('refuses an indicator the plan does not have and a malformed one', async () => {
    expectError(
      await admin.get(`${DAYE}/dashboard?indicatorId=00000000-0000-4000-8000-000000000000`),
      404,
      'INDICATOR_NOT_FOUND',
      /没有这个指标/,
    )
    expectError(await admin.get(`${DAYE}/dashboard?indicatorId=DY-15`), 400, 'VALIDATION_FAILED', /指标编号/)
    expectError(await yangxinReporter.get(`${DAYE}/dashboard`), 404, 'PLAN_NOT_FOUND', /规划不存在/)
  })
})

describe('GET and POST /api/plans/:planId/composite-index', () => {
  beforeAll(async () => {
    // Three towns, two indicators, worked by hand below (min–max over the window, equal weights).
    for (const [unit, hnte, tsme] of [
      [townId, 10, 30],
      [otherTownId, 20, 10],
      [thirdTownId, 30, 20],
    ] as const) {
      await report(admin, { indicatorCode: 'DY-15', orgUnitId: unit, year: 2022, value: hnte })
      await report(admin, { indicatorCode: 'DY-24', orgUnitId: unit, year: 2022, value: tsme })
    }
  })

  it('ranks Daye’s towns with the recipe, weights and each indicator’s contribution beside the result', async () => {
    const response = await admin.get(`${DAYE}/composite-index?year=2022&indicators=DY-15,DY-24`)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body.method).toMatchObject({
      normalisationLabel: '极差标准化（最小–最大值）',
      weightingLabel: '等权重',
      aggregation: 'weighted_mean',
    })
    expect(body.recipe.indicators.map((i: { code: string }) => i.code)).toEqual(['DY-15', 'DY-24'])
    expect(body.weights.map((w: { weight: number }) => w.weight)).toEqual([0.5, 0.5])
    // 茗山乡 (1 + 0.5)/2 = 0.75; 还地桥镇 (0 + 1)/2 = 0.5; 陈贵镇 (0.5 + 0)/2 = 0.25.
    expect(body.units.map((u: { orgUnitName: string; rank: number }) => [u.orgUnitName, u.rank])).toEqual([
      ['茗山乡', 1],
      ['还地桥镇', 2],
      ['陈贵镇', 3],
    ])
    expect(body.units.map((u: { score: number }) => u.score)).toEqual([0.75, 0.5, 0.25])
    expect(body.units[0].contributions).toEqual([
      { code: 'DY-15', value: 30, normalised: 1, weight: 0.5, contribution: 0.5 },
      { code: 'DY-24', value: 20, normalised: 0.5, weight: 0.5, contribution: 0.25 },
    ])
    expect(body.normalisation[0].parameters).toMatchObject({ count: 3, min: 10, max: 30 })
  })

  it('weights by entropy and aggregates by TOPSIS when asked', async () => {
    const body = (
      await admin.get(`${DAYE}/composite-index?year=2022&weighting=entropy&topsis=true&normalisation=z_score`)
    ).json()
    expect(body.recipe).toMatchObject({ weighting: { method: 'entropy' }, aggregation: 'topsis' })
    expect(body.method.aggregationLabel).toMatch(/TOPSIS/)
    expect(body.entropy.weights).toHaveLength(body.weights.length)
    expect(body.weights.reduce((sum: number, w: { weight: number }) => sum + w.weight, 0)).toBeCloseTo(1, 10)
    expect(body.units.map((u: { rank: number }) => u.rank).sort()).toEqual([1, 2, 3])
  })

  it('refuses bad options, unknown indicators, a recipe that cannot work and units with nothing to rank', async () => {
    expectError(
      await admin.get(`${DAYE}/composite-index?normalisation=rank`),
      400,
      'VALIDATION_FAILED',
      /标准化方法不正确/,
    )
    expectError(
      await admin.get(`${DAYE}/composite-index?weighting=ahp`),
      400,
      'VALIDATION_FAILED',
      /赋权方法/,
    )
    expectError(
      await admin.get(`${DAYE}/composite-index?topsis=yes`),
      400,
      'VALIDATION_FAILED',
      /true 或 false/,
    )
    expectError(
      await admin.get(`${DAYE}/composite-index?indicators=DY-15,NOPE`),
      404,
      'INDICATOR_NOT_FOUND',
      /没有指标 NOPE/,
    )
    expectError(
      await admin.get(`${DAYE}/composite-index?normalisation=distance_to_target&indicators=DY-15,DY-17`),
      422,
      'RECIPE_INVALID',
      /目标距离法需要每个指标的目标值/,
    )
    expectError(
      await admin.get(`${DAYE}/composite-index?orgUnitId=${townId}`),
      422,
      'NOTHING_TO_RANK',
      /还地桥镇.*无法计算综合指数/,
    )
    expectError(await yangxinReporter.get(`${DAYE}/composite-index`), 404, 'PLAN_NOT_FOUND', /规划不存在/)
  })

  describe('POST with manual or AHP weights in the body', () => {
    // A third indicator for the AHP example. Normalised (min–max) DY-15 / DY-24 / DY-17:
    // 还地桥镇 0 / 1 / 1, 陈贵镇 0.5 / 0 / 0, 茗山乡 1 / 0.5 / 0.5.
    beforeAll(async () => {
      for (const [unit, patents] of [
        [townId, 25],
        [otherTownId, 5],
        [thirdTownId, 15],
      ] as const) {
        await report(admin, { indicatorCode: 'DY-17', orgUnitId: unit, year: 2022, value: patents })
      }
    })
    const rankIndex = (body: Record<string, unknown>) => admin.post(`${DAYE}/composite-index`, body)
    const ranking = (units: { orgUnitName: string; score: number }[]) =>
      units.map((u) => [u.orgUnitName, u.score])

    it('weights by AHP from a consistent matrix: weights 4/7, 2/7, 1/7 and CR 0', async () => {
      const response = await rankIndex({
        year: 2022,
        normalisation: 'min_max',
        weighting: {
          method: 'ahp',
          items: ['DY-15', 'DY-24', 'DY-17'],
          matrix: [
            [1, 2, 4],
            [0.5, 1, 2],
            [0.25, 0.5, 1],
          ],
        },
      })
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      expect(body.method.weightingLabel).toBe('层次分析法（AHP）')
      expect(body.recipe.indicators.map((i: { code: string }) => i.code)).toEqual(['DY-15', 'DY-24', 'DY-17'])
      const expected = [4 / 7, 2 / 7, 1 / 7]
      body.ahp.weights.forEach((w: number, k: number) => expect(w).toBeCloseTo(expected[k]!, 9))
      body.weights.forEach((w: { weight: number }, k: number) =>
        expect(w.weight).toBeCloseTo(expected[k]!, 9),
      )
      expect(body.ahp.lambdaMax).toBeCloseTo(3, 9)
      expect(body.ahp.consistencyIndex).toBeCloseTo(0, 9)
      expect(body.ahp.randomIndex).toBe(0.58)
      expect(body.ahp.consistencyRatio).toBeCloseTo(0, 9)
      expect(body.ahp.isConsistent).toBe(true)
      expect(body.warnings).toEqual([])
      // 茗山乡 4/7 + 0.5·2/7 + 0.5·1/7 = 5.5/7; 还地桥镇 2/7 + 1/7 = 3/7; 陈贵镇 0.5·4/7 = 2/7.
      const units = ranking(body.units)
      expect(units.map(([name]) => name)).toEqual(['茗山乡', '还地桥镇', '陈贵镇'])
      ;[5.5 / 7, 3 / 7, 2 / 7].forEach((score, k) => expect(units[k]![1]).toBeCloseTo(score, 9))
    })

    it('still ranks by an inconsistent matrix, flagged with CR ≥ 0.1 and a Chinese warning', async () => {
      const response = await rankIndex({
        year: 2022,
        normalisation: 'min_max',
        weighting: {
          method: 'ahp',
          items: ['DY-15', 'DY-24', 'DY-17'],
          matrix: [
            [1, 9, 1 / 9],
            [1 / 9, 1, 9],
            [9, 1 / 9, 1],
          ],
        },
      })
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      expect(body.ahp.isConsistent).toBe(false)
      expect(body.ahp.consistencyRatio).toBeGreaterThanOrEqual(0.1)
      expect(body.warnings).toHaveLength(1)
      expect(body.warnings[0]).toMatch(/CR = \d\.\d{3}.*未通过一致性检验/)
      expect(body.units).toHaveLength(3)
    })

    it('rescales manual weights 30 / 70 to 0.3 / 0.7 and ranks by them', async () => {
      const response = await rankIndex({
        year: 2022,
        normalisation: 'min_max',
        weighting: { method: 'manual', weights: { 'DY-15': 30, 'DY-24': 70 } },
        indicators: ['DY-24', 'DY-15'],
      })
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json()
      expect(body.method.weightingLabel).toBe('手动赋权')
      expect(body.ahp).toBeNull()
      expect(body.weights).toEqual([
        { code: 'DY-15', category: '创新绩效', weight: 0.3 },
        { code: 'DY-24', category: '特色指标', weight: 0.7 },
      ])
      // 还地桥镇 0.7·1 = 0.7; 茗山乡 0.3·1 + 0.7·0.5 = 0.65; 陈贵镇 0.3·0.5 = 0.15.
      const units = ranking(body.units)
      expect(units.map(([name]) => name)).toEqual(['还地桥镇', '茗山乡', '陈贵镇'])
      ;[0.7, 0.65, 0.15].forEach((score, k) => expect(units[k]![1]).toBeCloseTo(score, 12))
    })

    it('accepts equal and entropy weights in the body, as the GET does', async () => {
      const get = (await admin.get(`${DAYE}/composite-index?year=2022&indicators=DY-15,DY-24`)).json()
      const post = await rankIndex({
        year: 2022,
        normalisation: 'min_max',
        weighting: { method: 'equal' },
        indicators: ['DY-15', 'DY-24'],
      })
      expect(post.statusCode, post.body).toBe(200)
      expect(post.json().units).toEqual(get.units)
    })

    it('refuses malformed matrices, unknown codes and mismatched indicators with a Chinese message', async () => {
      const ahp = (items: string[], matrix: unknown) => ({
        normalisation: 'min_max',
        weighting: { method: 'ahp', items, matrix },
      })
      const pair = ['DY-15', 'DY-24']
      expectError(
        await rankIndex(
          ahp(pair, [
            [1, 2],
            [0.5, 1, 3],
          ]),
        ),
        400,
        'VALIDATION_FAILED',
        /判断矩阵必须是方阵/,
      )
      expectError(
        await rankIndex(
          ahp(pair, [
            [1, 2],
            [2, 1],
          ]),
        ),
        400,
        'VALIDATION_FAILED',
        /判断矩阵必须互反：第 2 行第 1 列应为 1\/2/,
      )
      expectError(
        await rankIndex(
          ahp(pair, [
            [1, 12],
            [1 / 12, 1],
          ]),
        ),
        400,
        'VALIDATION_FAILED',
        /第 1 行第 2 列超出 1\/9～9 的标度范围/,
      )
      expectError(
        await rankIndex(
          ahp(
            ['DY-15', 'DY-24', 'DY-17'],
            [
              [1, 2],
              [0.5, 1],
            ],
          ),
        ),
        400,
        'VALIDATION_FAILED',
        /判断矩阵应为 3 阶/,
      )
      expectError(
        await rankIndex(ahp(['DY-15'], [[1]])),
        400,
        'VALIDATION_FAILED',
        /层次分析法至少需要 2 个指标/,
      )
      expectError(
        await rankIndex(
          ahp(
            ['DY-15', 'NOPE'],
            [
              [1, 2],
              [0.5, 1],
            ],
          ),
        ),
        400,
        'RECIPE_INDICATOR_UNKNOWN',
        /该规划中没有指标 NOPE/,
      )
      expectError(
        await rankIndex({
          normalisation: 'min_max',
          weighting: { method: 'manual', weights: { 'DY-15': 0, 'DY-24': 0 } },
        }),
        400,
        'VALIDATION_FAILED',
        /权重不能全为 0/,
      )
      expectError(
        await rankIndex({
          normalisation: 'min_max',
          weighting: { method: 'manual', weights: { 'DY-15': 1, 'DY-24': 1 } },
          indicators: ['DY-15', 'DY-17'],
        }),
        400,
        'RECIPE_INDICATORS_MISMATCH',
        /所选指标（DY-15、DY-17）与赋权的指标（DY-15、DY-24）不一致/,
      )
      expectError(
        await rankIndex({ normalisation: 'min_max', weighting: { method: 'equal' }, orderBy: 'score' }),
        400,
        'VALIDATION_FAILED',
        /未知的键.*orderBy/,
      )
    })

    it('keeps the GET’s scoping: a reader outside the plan’s region sees no plan', async () => {
      expectError(
        await yangxinReporter.post(`${DAYE}/composite-index`, {
          normalisation: 'min_max',
          weighting: { method: 'manual', weights: { 'DY-15': 1 } },
        }),
        404,
        'PLAN_NOT_FOUND',
        /规划不存在/,
      )
    })
  })
})

describe('derived indicators on save', () => {
  // A small plan for Daye with a ratio and a growth rate over two entered indicators.
  beforeAll(async () => {
    await insertPlan('test-derived', [
      { code: 'T-RD', name: '研发经费', unit: '万元', formula: null },
      { code: 'T-GDP', name: '地区生产总值', unit: '亿元', formula: null },
      {
        code: 'T-RATIO',
        name: '研发经费占GDP比重',
        unit: '%',
        // 万元 over 亿元: × 100 for percent, ÷ 10 000 for the units.
        formula: { kind: 'ratio', numerator: 'T-RD', denominator: 'T-GDP', factor: 0.01 },
      },
      { code: 'T-GROWTH', name: '研发经费增长率', unit: '%', formula: { kind: 'growth_rate', of: 'T-RD' } },
    ])
    await insertPlan('test-cycle', [
      { code: 'C-IN', name: '输入', unit: '个', formula: null },
      {
        code: 'C-A',
        name: '甲',
        unit: '%',
        formula: { kind: 'ratio', numerator: 'C-B', denominator: 'C-IN', factor: 1 },
      },
      {
        code: 'C-B',
        name: '乙',
        unit: '%',
        formula: { kind: 'ratio', numerator: 'C-A', denominator: 'C-IN', factor: 1 },
      },
    ])
  })

  async function currentValues(planId: string) {
    const response = await admin.get(`/api/plans/${planId}/observations?orgUnitId=${dayeId}`)
    expect(response.statusCode, response.body).toBe(200)
    return (
      response.json().items as {
        indicatorCode: string
        year: number
        value: number
        kind: string
        revision: number
      }[]
    ).map((o) => [o.indicatorCode, o.year, o.value, o.kind, o.revision])
  }

  it('stores a ratio as a computed revision once both inputs are saved, and updates it with them', async () => {
    const path = '/api/plans/test-derived'
    await report(admin, { indicatorCode: 'T-RD', orgUnitId: dayeId, year: 2022, value: 20000 }, path)
    expect(await currentValues('test-derived')).toEqual([['T-RD', 2022, 20000, 'reported', 1]])
    await report(admin, { indicatorCode: 'T-GDP', orgUnitId: dayeId, year: 2022, value: 800 }, path)
    expect(await currentValues('test-derived')).toContainEqual(['T-RATIO', 2022, 0.25, 'computed', 1])
    await report(admin, { indicatorCode: 'T-RD', orgUnitId: dayeId, year: 2022, value: 24000 }, path)
    expect(await currentValues('test-derived')).toContainEqual(['T-RATIO', 2022, 0.3, 'computed', 2])
  })

  it('recomputes the next year’s growth rate when a year’s value is saved', async () => {
    const path = '/api/plans/test-derived'
    await report(admin, { indicatorCode: 'T-RD', orgUnitId: dayeId, year: 2023, value: 30000 }, path)
    expect(await currentValues('test-derived')).toContainEqual(['T-GROWTH', 2023, 25, 'computed', 1])
    await report(admin, { indicatorCode: 'T-RD', orgUnitId: dayeId, year: 2022, value: 20000 }, path)
    const values = await currentValues('test-derived')
    expect(values).toContainEqual(['T-GROWTH', 2023, 50, 'computed', 2])
    expect(values).toContainEqual(['T-RATIO', 2022, 0.25, 'computed', 3])
  })

  it('shows the computed value in the status like any other', async () => {
    const body = (await admin.get(`/api/plans/test-derived/status?year=2022`)).json()
    expect(rowOf(body.rows, 'T-RATIO')).toMatchObject({ value: 0.25, isDerived: true })
  })

  it('refuses a value read by formulas that form a cycle, naming the cycle, and writes nothing', async () => {
    const before = await countObservations()
    const response = await admin.post('/api/plans/test-cycle/observations', {
      indicatorCode: 'C-IN',
      orgUnitId: dayeId,
      year: 2022,
      value: 4,
      source: '测试填报',
    })
    expectError(response, 422, 'FORMULA_CYCLE', /^派生指标公式存在循环引用：C-A → C-B → C-A$/)
    expect(await countObservations()).toBe(before)
  })
})

async function countObservations(): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from observations`)
  return rows[0]!.n
}

async function insertPlan(
  id: string,
  indicators: {
    code: string
    name: string
    unit: string
    formula: (typeof tables.indicators.$inferInsert)['formula']
  }[],
) {
  await t.database.db.insert(tables.plans).values({
    id,
    name: `测试规划 ${id}`,
    regionOrgUnitId: dayeId,
    startYear: 2022,
    endYear: 2024,
    source: { doc: 'test', ref: 'test', title: '测试' },
    statusThresholds: { binding: { onTrack: 0.95, lagging: 0.8 }, expected: { onTrack: 0.9, lagging: 0.6 } },
  })
  await t.database.db.insert(tables.indicators).values(
    indicators.map((indicator, i) => ({
      ...indicator,
      planId: id,
      order: i + 1,
      category: '测试',
      printedName: indicator.name,
      nature: 'expected' as const,
      direction: 'higher' as const,
      aggregation: 'none' as const,
      baseline: null,
      targets: [],
      printedActual: null,
    })),
  )
}
