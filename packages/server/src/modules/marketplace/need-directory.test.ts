import { describe, expect, it } from 'vitest'
import { compareIndustries, formatBudget, plainText, sheetNames } from './need-directory'
import { toChineseOrdinal } from './need-directory.document'

describe('需求目录 helpers', () => {
  it('orders industries as the plans do, then others by pinyin', () => {
    const industries = ['智能装备制造', '临空相关产业', '工业互联网', '纺织服装', '新材料', '电子信息']
    expect([...industries].sort(compareIndustries)).toEqual([
      '新材料',
      '电子信息',
      '工业互联网',
      '纺织服装',
      '临空相关产业',
      '智能装备制造',
    ])
  })

  it('makes sheet names Excel accepts: at most 31 characters, no []:*?/\\, unique', () => {
    const long = '很长的产业领域名称'.repeat(4)
    const names = sheetNames(['汇总', 'a/b', 'A/B', long, long, "'引号'"], ['汇总'])
    expect(names).toEqual(['汇总(2)', 'a_b', 'A_B(2)', long.slice(0, 31), `${long.slice(0, 28)}(2)`, '引号'])
    expect(names.every((n) => n.length <= 31)).toBe(true)
  })

  it('writes budgets, ordinals and drops control characters', () => {
    expect(formatBudget(null)).toBe('面议')
    expect(formatBudget(12.5)).toBe('12.5 万元')
    expect([1, 10, 12, 25].map(toChineseOrdinal)).toEqual(['一', '十', '十二', '二十五'])
    expect(plainText('a\u0000b\nc')).toBe('ab\nc')
  })
})
