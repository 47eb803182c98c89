import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STATUS_THRESHOLDS,
  type IndicatorView,
  type PlanDetail,
  type TaskView,
} from '@kechuang/core/indicators'
import {
  buildPlanReportRows,
  describeFindings,
  describeRow,
  formatTarget,
  summariseTasksByUnit,
} from './plan-report.rows'

const UNIT = { id: '00000000-0000-4000-8000-000000000001', name: '大冶市' }

// Two of Daye's printed indicators with the figures reported for 2022 (issue 3, "Done when").
function indicator(
  code: string,
  name: string,
  baseline: number,
  target2022: number,
  actual: number | null,
): IndicatorView {
  return {
    id: `00000000-0000-4000-8000-0000000000${code.slice(-2)}`,
    code,
    order: Number(code.slice(-2)),
    category: '创新绩效',
    name,
    printedName: name,
    unit: '家',
    nature: code === 'DY-15' ? 'binding' : 'expected',
    direction: 'higher',
    aggregation: 'last',
    baseline: { year: 2021, value: baseline, valueText: String(baseline), note: null },
    targets: [{ year: 2022, op: '>=', value: target2022, valueText: String(target2022) }],
    printedActual: null,
    formula: null,
    responsibleUnits: [],
    entryYears: { from: 2021, to: 2024 },
    actuals:
      actual === null
        ? []
        : [
            {
              id: '00000000-0000-4000-8000-0000000000ff',
              planId: 'daye-2022-2024',
              indicatorId: '00000000-0000-4000-8000-0000000000aa',
              indicatorCode: code,
              orgUnitId: UNIT.id,
              orgUnitName: UNIT.name,
              year: 2022,
              value: actual,
              source: '统计公报',
              note: null,
              kind: 'reported',
              revision: 1,
              enteredByUserId: null,
              enteredByName: '系统',
              enteredAt: '2023-01-01T00:00:00.000Z',
              supersededAt: null,
            },
          ],
  }
}

const plan: PlanDetail = {
  id: 'daye-2022-2024',
  name: '大冶市创新型县（市）建设三年工作方案（2022—2024年）',
  regionOrgUnitId: UNIT.id,
  regionName: UNIT.name,
  startYear: 2022,
  endYear: 2024,
  source: { doc: 'doc', ref: 'ref', title: '大冶市创新型县（市）建设三年目标' },
  indicatorCount: 3,
  taskCount: 0,
  notes: [],
  categories: ['创新绩效'],
  pathModel: 'linear',
  statusThresholds: DEFAULT_STATUS_THRESHOLDS,
  valuesOrgUnit: UNIT,
  lockedYears: [],
  indicators: [
    indicator('DY-15', '高新技术企业数', 197, 248, 243),
    indicator('DY-24', '科技型中小企业数', 342, 450, 555),
    indicator('DY-20', '省级以上农业产业化龙头企业数', 35, 35, null),
  ],
}

describe('plan report rows', () => {
  it('grades each indicator with the core rules and states the gap in its unit', () => {
    const [hnte, tsme, none] = buildPlanReportRows(plan, 2022)
    expect(hnte!.status.status).toBe('lagging')
    expect(describeRow(hnte!)).toEqual({ actual: '243', target: '248', completion: '98.0%', gap: '差 5 家' })
    expect(tsme!.status.status).toBe('achieved')
    expect(describeRow(tsme!).completion).toBe('123.3%')
    expect(describeRow(none!)).toMatchObject({ actual: '—', completion: '—', gap: '' })
  })

  it('refuses a year outside the plan', () => {
    expect(() => buildPlanReportRows(plan, 2030)).toThrow('年份 2030 不在本规划的年份范围内（2021—2024 年）')
  })

  it('sums up the statuses, names the 约束性 indicators at risk and the best result', () => {
    expect(describeFindings(buildPlanReportRows(plan, 2022), 2022)).toEqual([
      '本规划共列指标 3 项。按 2022 年数据评估：已完成 1 项，进度正常 0 项，滞后 1 项，严重滞后 0 项，无数据 1 项。',
      '约束性指标 1 项中，1 项滞后或严重滞后：高新技术企业数，需重点督办。',
      '完成率最高的是科技型中小企业数（123.3%）。',
      '1 项指标尚无 2022 年数据或无数值目标，需督促责任单位报送。',
    ])
  })

  it('prints a target’s operator unless it is the usual ≥ or printed already', () => {
    expect(formatTarget({ op: '>=', valueText: '248' })).toBe('248')
    expect(formatTarget({ op: '<=', valueText: '0.29' })).toBe('≤0.29')
    expect(formatTarget({ op: '>', valueText: '＞8' })).toBe('＞8')
  })

  it('summarises task progress per responsible unit, an unreported task counting 0 % done', () => {
    const progress = (orgUnitId: string, percentDone: number | null, overdueYears: number[] = []) => ({
      orgUnitId,
      orgUnitName: orgUnitId === 'a' ? '市科技局' : '市财政局',
      latest: percentDone === null ? null : ({ percentDone } as TaskView['progress'][number]['latest']),
      missingReportYears: percentDone === null ? [2023] : [],
      overdueYears,
    })
    const tasks = [
      { progress: [progress('a', 80), progress('b', null)] },
      { progress: [progress('a', 40, [2023])] },
    ] as unknown as TaskView[]
    expect(summariseTasksByUnit(tasks)).toEqual([
      {
        orgUnitName: '市科技局',
        taskCount: 2,
        reportedCount: 2,
        averagePercentDone: 60,
        overdueTaskCount: 1,
        missingReportCount: 0,
      },
      {
        orgUnitName: '市财政局',
        taskCount: 1,
        reportedCount: 0,
        averagePercentDone: 0,
        overdueTaskCount: 0,
        missingReportCount: 1,
      },
    ])
  })
})
