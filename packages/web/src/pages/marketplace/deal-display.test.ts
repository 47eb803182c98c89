import { describe, expect, it } from 'vitest'
import {
  counterpartPath,
  engagementBoardPath,
  formatContractAmount,
  recentYears,
  shortText,
} from './deal-display'

describe('formatContractAmount', () => {
  it('keeps up to four decimals and drops trailing zeros', () => {
    expect(formatContractAmount(12.5)).toBe('12.5')
    expect(formatContractAmount(0.0001)).toBe('0.0001')
    expect(formatContractAmount(3)).toBe('3')
  })

  it('rounds below one 元 and groups thousands', () => {
    expect(formatContractAmount(1234.56789)).toBe('1,234.5679')
  })
})

describe('paths', () => {
  it('opens the board on one 对接', () => {
    expect(engagementBoardPath('abc')).toBe('/marketplace/engagements?engagement=abc')
  })

  it('links a result counterpart to its result and an expert to the 专家库', () => {
    expect(counterpartPath({ counterpartKind: 'result', counterpartId: 'r1' })).toBe(
      '/marketplace/results/r1',
    )
    expect(counterpartPath({ counterpartKind: 'expert', counterpartId: 'e1' })).toBe(
      '/marketplace/experts/e1',
    )
  })
})

describe('shortText', () => {
  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(shortText('共同技术词：正极材料', 4)).toBe('共同技术…')
    expect(shortText('正极', 4)).toBe('正极')
  })
})

describe('recentYears', () => {
  it('lists the latest year first', () => {
    expect(recentYears(3, 2026)).toEqual([2026, 2025, 2024])
  })
})
