import type { IndicatorStatusRow, IndicatorTrend } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import {
  GAUGE_MAX_PERCENT,
  completionGaugeChartOption,
  indicatorTrendChartOption,
  orgUnitComparisonChartOption,
  pickGaugeRows,
  pickTrend,
  statusDistributionChartOption,
  unitTaskProgressChartOption,
} from './plan-dashboard-chart-options'

function row(code: string, change: Partial<IndicatorStatusRow> = {}): IndicatorStatusRow {
  return {
    indicatorId: '00000000-0000-4000-8000-000000000001',
    code,
    name: code,
    category: '创新主体',
    unit: '家',
    nature: 'expected',
    direction: 'higher',
    isDerived: false,
    year: 2022,
    value: 243,
    target: { year: 2022, op: '>=', value: 248, valueText: '248' },
    finalTarget: null,
    expected: null,
    completionRatio: 243 / 248,
    completionRatioUndefinedReason: null,
    progressRatio: null,
    isMet: false,
    status: 'lagging',
    statusLabel: '滞后',
    gap: 5,
    gapText: '差 5 家',
    rule: 'progress_ratio',
    ruleLabel: '',
    baseline: null,
    ...change,
  }
}

describe('statusDistributionChartOption', () => {
  it('draws each status present in its colour, 已完成 first', () => {
    const option = statusDistributionChartOption({
      achieved: 3,
      on_track: 0,
      lagging: 2,
      seriously_lagging: 1,
      no_data: 4,
    })
    expect(option.series).toMatchObject([
      {
        type: 'pie',
        data: [
          { name: '已完成', value: 3, itemStyle: { color: '#52c41a' } },
          { name: '滞后', value: 2 },
          { name: '严重滞后', value: 1 },
          { name: '无数据', value: 4 },
        ],
      },
    ])
  })
})

describe('pickGaugeRows and completionGaugeChartOption', () => {
  it('puts 约束性 indicators first and skips those without a 完成率', () => {
    const rows = [row('DY-05'), row('DY-01', { nature: 'binding' }), row('DY-09', { completionRatio: null })]
    expect(pickGaugeRows(rows).map((r) => r.code)).toEqual(['DY-01', 'DY-05'])
  })

  it('caps the dial but prints the true 完成率 (科技型中小企业 555 of 450 = 123.3%)', () => {
    const option = completionGaugeChartOption(
      row('DY-06', { completionRatio: 555 / 450, status: 'achieved' }),
    )
    expect(option.series).toMatchObject([{ type: 'gauge', data: [{ value: 123.3 }] }])
    const huge = completionGaugeChartOption(row('DY-06', { completionRatio: 3 }))
    const [series] = huge.series as [{ data: { value: number }[]; detail: { formatter: () => string } }]
    expect(series.data[0]?.value).toBe(GAUGE_MAX_PERCENT)
    expect(series.detail.formatter()).toBe('300%')
  })
})

describe('indicatorTrendChartOption', () => {
  const trend: IndicatorTrend = {
    indicatorId: '00000000-0000-4000-8000-000000000001',
    code: 'DY-05',
    name: '高新技术企业数',
    unit: '家',
    baseline: { year: 2021, value: 206, valueText: '206', note: null },
    points: [
      { year: 2022, value: 243, target: 248, expected: 248 },
      { year: 2023, value: null, target: 290, expected: 290 },
    ],
  }

  it('puts the baseline year first and draws actuals, targets, expected path and baseline', () => {
    const option = indicatorTrendChartOption(trend)
    expect(option.xAxis).toMatchObject({ data: ['2021', '2022', '2023'] })
    expect(option.series).toMatchObject([
      { name: '实际值', data: [null, 243, null] },
      { name: '目标值', data: [null, 248, 290] },
      { name: '预期路径', data: [null, 248, 290] },
      { name: '基期', data: [206, null, null] },
    ])
  })
})

describe('pickTrend', () => {
  const trend = (indicatorId: string, value: number | null): IndicatorTrend => ({
    indicatorId,
    code: indicatorId,
    name: indicatorId,
    unit: '家',
    baseline: null,
    points: [{ year: 2022, value, target: null, expected: null }],
  })
  const trends = [trend('a', null), trend('b', 5), trend('c', 1)]

  it('opens the chosen indicator, else the worst lagging, else the first with a value', () => {
    expect(pickTrend({ trends, lagging: [row('c', { indicatorId: 'c' })] }, 'a')?.indicatorId).toBe('a')
    expect(pickTrend({ trends, lagging: [row('c', { indicatorId: 'c' })] }, undefined)?.indicatorId).toBe('c')
    expect(pickTrend({ trends, lagging: [] }, undefined)?.indicatorId).toBe('b')
    expect(pickTrend({ trends: [], lagging: [] }, undefined)).toBeUndefined()
  })
})

describe('orgUnitComparisonChartOption', () => {
  it('draws one bar per unit, first unit at the top, coloured by status', () => {
    const option = orgUnitComparisonChartOption({
      indicatorId: '00000000-0000-4000-8000-000000000001',
      code: 'DY-05',
      name: '高新技术企业数',
      unit: '家',
      year: 2022,
      units: [
        {
          orgUnitId: '00000000-0000-4000-8000-000000000002',
          orgUnitName: '金湖街道',
          value: 12,
          status: 'achieved',
          statusLabel: '已完成',
        },
        {
          orgUnitId: '00000000-0000-4000-8000-000000000003',
          orgUnitName: '罗家桥街道',
          value: null,
          status: 'no_data',
          statusLabel: '无数据',
        },
      ],
    })
    expect(option.yAxis).toMatchObject({ data: ['罗家桥街道', '金湖街道'] })
    expect(option.series).toMatchObject([
      { data: [{ value: null }, { value: 12, itemStyle: { color: '#52c41a' } }] },
    ])
  })
})

describe('unitTaskProgressChartOption', () => {
  it('stacks reported, missing and overdue counts per unit', () => {
    const option = unitTaskProgressChartOption([
      {
        orgUnitId: '00000000-0000-4000-8000-000000000002',
        orgUnitName: '市科技局',
        taskCount: 5,
        reportedCount: 3,
        missingCount: 2,
        overdueCount: 1,
      },
    ])
    expect(option.series).toMatchObject([
      { name: '已报告', stack: 'tasks', data: [3] },
      { name: '未报告', data: [2] },
      { name: '已逾期', data: [1] },
    ])
  })
})
