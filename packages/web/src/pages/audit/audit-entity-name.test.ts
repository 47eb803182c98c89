import { describe, expect, it } from 'vitest'
import { auditEntityName } from './audit-entity-name'

const entity = { entityType: 'org_unit', actorName: '系统管理员（admin）' }

describe('auditEntityName', () => {
  it('prefers the name after the change, so a rename shows the new name', () => {
    expect(
      auditEntityName({ ...entity, entityId: 'u1', before: { name: '旧名' }, after: { name: '新名' } }),
    ).toBe('新名')
  })

  it('uses the name before the change for a delete', () => {
    expect(auditEntityName({ ...entity, entityId: 'u1', before: { name: '测试园区' }, after: null })).toBe(
      '测试园区',
    )
  })

  it('falls back to a user name, then the start of the id', () => {
    expect(auditEntityName({ ...entity, entityId: 'u2', before: null, after: { username: 'zhang' } })).toBe(
      'zhang',
    )
    expect(
      auditEntityName({
        ...entity,
        entityId: '79efa96b-52d0-453f-8945-da062450c012',
        before: null,
        after: {},
      }),
    ).toBe('79efa96b…')
    expect(auditEntityName({ ...entity, entityId: null, before: null, after: null })).toBeNull()
  })

  it('names a login or logout after the person acting', () => {
    expect(
      auditEntityName({
        entityType: 'session',
        actorName: '张三（zhang）',
        entityId: 'u4',
        before: null,
        after: {},
      }),
    ).toBe('张三（zhang）')
  })
})
