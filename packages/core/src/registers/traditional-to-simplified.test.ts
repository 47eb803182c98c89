import { describe, expect, it } from 'vitest'
import {
  TRADITIONAL_TABLE_SIZE,
  toSimplifiedChinese,
  traditionalTablePairs,
} from './traditional-to-simplified'

describe('toSimplifiedChinese', () => {
  it('converts the characters common in enterprise names', () => {
    expect(toSimplifiedChinese('黃石東貝機電集團有限責任公司')).toBe('黄石东贝机电集团有限责任公司')
    expect(toSimplifiedChinese('華新水泥股份有限公司')).toBe('华新水泥股份有限公司')
    expect(toSimplifiedChinese('大冶鋼鐵銅業礦業')).toBe('大冶钢铁铜业矿业')
  })

  it('leaves simplified text, Latin letters and digits unchanged', () => {
    expect(toSimplifiedChinese('湖北TCL科技123有限公司')).toBe('湖北TCL科技123有限公司')
  })

  it('maps each traditional character to a different, simplified one and never chains', () => {
    const pairs = traditionalTablePairs()
    expect(pairs).toHaveLength(TRADITIONAL_TABLE_SIZE)
    const traditional = new Set(pairs.map(([t]) => t))
    for (const [t, s] of pairs) {
      expect(s).not.toBe(t)
      expect(traditional.has(s)).toBe(false)
    }
  })

  it('leaves out characters whose simplification depends on the word (乾, 於, 著)', () => {
    expect(toSimplifiedChinese('乾於著')).toBe('乾於著')
  })
})
