import { describe, expect, it } from 'vitest'
import { changeKindCounts, formatSignedCount, netVerdictChanges, verdictDeltaText } from './screening-changes'

const changes = [
  { ruleSet: 'hnte-2016', from: 'failed', to: 'qualified', count: 2 },
  { ruleSet: 'hnte-2016', from: 'qualified', to: 'failed', count: 1 },
  { ruleSet: 'hnte-2016', from: null, to: 'qualified', count: 2 },
  { ruleSet: 'hnte-2016', from: 'failed', to: 'needs-review', count: 6 },
  { ruleSet: 'hnte-2016', from: 'failed', to: 'failed', count: 40 },
  { ruleSet: 'tsme-2022', from: 'failed', to: 'qualified', count: 9 },
] as const

describe('netVerdictChanges', () => {
  it('adds where enterprises arrived and takes away where they left, per rule set', () => {
    expect(netVerdictChanges(changes, 'hnte-2016')).toEqual([
      { qualified: 'qualified', delta: 3 },
      { qualified: 'failed', delta: -7 },
      { qualified: 'needs-review', delta: 6 },
    ])
    expect(verdictDeltaText(netVerdictChanges(changes, 'hnte-2016'))).toBe('符合 +3，不符合 −7，需复核 +6')
  })

  it('is empty when nothing moved (first run, or only unchanged verdicts)', () => {
    expect(netVerdictChanges([], 'hnte-2016')).toEqual([])
    expect(netVerdictChanges([changes[4]], 'hnte-2016')).toEqual([])
  })
})

describe('formatSignedCount', () => {
  it('writes a sign before every non-zero count', () => {
    expect(formatSignedCount(3)).toBe('+3')
    expect(formatSignedCount(-5)).toBe('−5')
    expect(formatSignedCount(0)).toBe('0')
  })
})

describe('change kinds', () => {
  it('counts the moves of each kind and leaves the unchanged out', () => {
    expect(changeKindCounts(changes, 'hnte-2016')).toEqual([
      { change: 'new', count: 2 },
      { change: 'improved', count: 8 },
      { change: 'worsened', count: 1 },
    ])
  })
})
