import { describe, expect, it } from 'vitest'
import {
  ladderCountRows,
  ladderSankeyOption,
  ladderTrendOption,
  regionBreakdownRows,
  sortFlows,
  summarizeMovement,
} from './ladder-chart-options'

const counts = {
  years: [2022, 2023],
  totals: [
    { year: 2022, step: 'hnte' as const, count: 3 },
    { year: 2023, step: 'hnte' as const, count: 5 },
    { year: 2023, step: 'startup' as const, count: 2 },
  ],
  byRegion: [
    { orgUnitId: 'a', orgUnitName: '还地桥镇', year: 2023, step: 'hnte' as const, count: 1 },
    { orgUnitId: 'b', orgUnitName: '陈贵镇', year: 2023, step: 'hnte' as const, count: 4 },
    { orgUnitId: 'a', orgUnitName: '还地桥镇', year: 2023, step: 'startup' as const, count: 2 },
    { orgUnitId: 'b', orgUnitName: '陈贵镇', year: 2022, step: 'hnte' as const, count: 3 },
  ],
}

describe('ladderCountRows', () => {
  it('lists every step from 领军 down with zeros, then the totals', () => {
    const rows = ladderCountRows(counts)
    expect(rows.map((r) => r.label)).toEqual([
      '创新型领军企业',
      '瞪羚/小巨人',
      '高新技术企业',
      '高企后备',
      '科技型中小企业',
      '初创企业',
      '合计',
    ])
    expect(rows[2]!.byYear).toEqual({ 2022: 3, 2023: 5 })
    expect(rows[0]!.byYear).toEqual({ 2022: 0, 2023: 0 })
    expect(rows.at(-1)!.byYear).toEqual({ 2022: 3, 2023: 7 })
  })
})

describe('regionBreakdownRows', () => {
  it('sums one year by region, largest first', () => {
    const rows = regionBreakdownRows(counts, 2023)
    expect(rows.map((r) => [r.orgUnitName, r.total])).toEqual([
      ['陈贵镇', 4],
      ['还地桥镇', 3],
    ])
    expect(rows[1]!.byStep.startup).toBe(2)
  })
})

describe('ladderTrendOption', () => {
  it('stacks the steps per year with the lowest step first', () => {
    const option = ladderTrendOption(counts)
    const series = option.series as { name: string; data: number[]; stack: string }[]
    expect(series[0]).toMatchObject({ name: '初创企业', data: [0, 2], stack: 'ladder' })
    expect(series.find((s) => s.name === '高新技术企业')!.data).toEqual([3, 5])
    expect(option.xAxis).toMatchObject({ data: ['2022', '2023'] })
  })
})

describe('ladderSankeyOption', () => {
  const movement = {
    fromYear: 2022,
    toYear: 2024,
    flows: [
      { from: 'tsme' as const, to: 'hnte' as const, count: 4 },
      { from: 'none' as const, to: 'startup' as const, count: 2 },
      { from: 'hnte' as const, to: 'none' as const, count: 1 },
      { from: 'hnte' as const, to: 'hnte' as const, count: 6 },
    ],
  }

  it('gives each step a node per year, so staying on a step is not a cycle', () => {
    const [series] = option().series as {
      type: string
      data: { name: string; depth: number }[]
      links: { source: string; target: string; value: number }[]
    }[]
    expect(series!.type).toBe('sankey')
    expect(series!.data).toEqual([
      { name: '2022 年 高新技术企业', depth: 0 },
      { name: '2022 年 科技型中小企业', depth: 0 },
      { name: '2022 年 未在梯次', depth: 0 },
      { name: '2024 年 高新技术企业', depth: 1 },
      { name: '2024 年 初创企业', depth: 1 },
      { name: '2024 年 未在梯次', depth: 1 },
    ])
    expect(series!.links).toContainEqual({
      source: '2022 年 高新技术企业',
      target: '2024 年 高新技术企业',
      value: 6,
    })
    expect(series!.links).toContainEqual({ source: '2022 年 未在梯次', target: '2024 年 初创企业', value: 2 })
    for (const link of series!.links) expect(link.source).not.toBe(link.target)
  })

  it('summarises the movement by kind and orders the flows down the ladder', () => {
    expect(summarizeMovement(movement.flows)).toEqual({ up: 4, down: 0, entered: 2, left: 1, same: 6 })
    expect(sortFlows(movement.flows).map((f) => `${f.from}>${f.to}`)).toEqual([
      'hnte>hnte',
      'hnte>none',
      'tsme>hnte',
      'none>startup',
    ])
  })

  function option() {
    return ladderSankeyOption(movement)
  }
})
