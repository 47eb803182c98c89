import { describe, expect, it } from 'vitest'
import { diffAuditValues, isDeepEqual } from './diff-audit-values'

describe('diffAuditValues', () => {
  it('marks only the fields an update changed', () => {
    expect(
      diffAuditValues(
        { name: '金湖街道', divisionCode: null, aliases: ['金湖'] },
        { name: '金湖街道办事处', divisionCode: null, aliases: ['金湖'] },
      ),
    ).toEqual([
      { field: 'name', before: '金湖街道', after: '金湖街道办事处', isChanged: true },
      { field: 'divisionCode', before: null, after: null, isChanged: false },
      { field: 'aliases', before: ['金湖'], after: ['金湖'], isChanged: false },
    ])
  })

  it('shows every field of a create as new, with nothing before', () => {
    expect(diffAuditValues(null, { role: 'reporter', username: 'zhang' })).toEqual([
      { field: 'role', before: undefined, after: 'reporter', isChanged: true },
      { field: 'username', before: undefined, after: 'zhang', isChanged: true },
    ])
  })

  it('shows every field of a delete as removed', () => {
    expect(diffAuditValues({ name: '测试园区' }, null)).toEqual([
      { field: 'name', before: '测试园区', after: undefined, isChanged: true },
    ])
  })

  it('lists a field that only appears after the change after the others', () => {
    expect(diffAuditValues({ a: 1 }, { b: 2, a: 1 }).map((row) => [row.field, row.isChanged])).toEqual([
      ['a', false],
      ['b', true],
    ])
  })

  it('compares values that are not objects as a whole', () => {
    expect(diffAuditValues('v1', 'v2')).toEqual([{ field: null, before: 'v1', after: 'v2', isChanged: true }])
    expect(diffAuditValues([1, 2], [1, 2])).toEqual([
      { field: null, before: [1, 2], after: [1, 2], isChanged: false },
    ])
  })

  it('has nothing to compare when neither side was logged', () => {
    expect(diffAuditValues(null, null)).toEqual([])
  })
})

describe('isDeepEqual', () => {
  it('ignores key order in nested objects but not array order', () => {
    expect(isDeepEqual({ a: { x: 1, y: [1, 2] } }, { a: { y: [1, 2], x: 1 } })).toBe(true)
    expect(isDeepEqual([1, 2], [2, 1])).toBe(false)
    expect(isDeepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(isDeepEqual(null, {})).toBe(false)
  })
})
