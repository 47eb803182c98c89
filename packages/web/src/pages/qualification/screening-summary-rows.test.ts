import { describe, expect, it } from 'vitest'
import { regionVerdictRows, verdictCountsOf } from './screening-summary-rows'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'

describe('verdictCountsOf', () => {
  it('counts one rule set and totals it', () => {
    expect(
      verdictCountsOf(
        [
          { ruleSet: 'hnte-2016', qualified: 'qualified', count: 3 },
          { ruleSet: 'hnte-2016', qualified: 'failed', count: 10 },
          { ruleSet: 'tsme-2022', qualified: 'qualified', count: 7 },
        ],
        'hnte-2016',
      ),
    ).toEqual({ qualified: 3, failed: 10, 'needs-review': 0, total: 13 })
  })
})

describe('regionVerdictRows', () => {
  it('gives a row per region, the unknown region last, and a total row', () => {
    const rows = regionVerdictRows(
      [
        { ruleSet: 'hnte-2016', orgUnitId: null, orgUnitName: '地区不详', qualified: 'failed', count: 1 },
        { ruleSet: 'hnte-2016', orgUnitId: A, orgUnitName: '大冶市', qualified: 'qualified', count: 2 },
        { ruleSet: 'hnte-2016', orgUnitId: A, orgUnitName: '大冶市', qualified: 'failed', count: 5 },
        { ruleSet: 'hnte-2016', orgUnitId: B, orgUnitName: '阳新县', qualified: 'needs-review', count: 4 },
        { ruleSet: 'tsme-2022', orgUnitId: B, orgUnitName: '阳新县', qualified: 'qualified', count: 9 },
      ],
      'hnte-2016',
      '合计',
    )
    expect(rows.map((row) => [row.orgUnitName, row.counts.total])).toEqual([
      ['大冶市', 7],
      ['阳新县', 4],
      ['地区不详', 1],
      ['合计', 12],
    ])
    expect(rows[0]!.counts).toEqual({ qualified: 2, failed: 5, 'needs-review': 0, total: 7 })
    expect(rows.at(-1)!.counts).toEqual({ qualified: 2, failed: 6, 'needs-review': 4, total: 12 })
  })

  it('is empty for a run without results', () => {
    expect(regionVerdictRows([], 'hnte-2016', '合计')).toEqual([])
  })
})
