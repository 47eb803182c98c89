import { describe, expect, it } from 'vitest'
import { changeKindOf, qualifiedValueOf } from './qualification-api.schemas'

describe('verdict words and moves between runs', () => {
  it('names a verdict by one word', () => {
    expect([true, false, 'needs-review'].map((q) => qualifiedValueOf(q as never))).toEqual([
      'qualified',
      'failed',
      'needs-review',
    ])
  })

  it('reads 符合 above 需复核 above 不符合', () => {
    expect(changeKindOf(null, 'failed')).toBe('new')
    expect(changeKindOf('failed', 'needs-review')).toBe('improved')
    expect(changeKindOf('qualified', 'needs-review')).toBe('worsened')
    expect(changeKindOf('failed', 'failed')).toBe('unchanged')
  })
})
