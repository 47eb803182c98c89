import { describe, expect, it } from 'vitest'
import {
  EnterpriseFilter,
  EnterpriseListQuery,
  EnterpriseMergeInput,
  EnterpriseSplitInput,
} from './enterprise-api.schemas'

const ID_A = '0b0e5a52-1c5f-4d55-9d6b-0c3f1a000001'
const ID_B = '0b0e5a52-1c5f-4d55-9d6b-0c3f1a000002'

describe('EnterpriseListQuery', () => {
  it('fills page, size and sort defaults and reads query-string booleans and numbers', () => {
    const query = EnterpriseListQuery.parse({ isSynthetic: 'false', qualificationYear: '2024', page: '2' })
    expect(query).toMatchObject({
      page: 2,
      pageSize: 20,
      sort: 'name',
      order: 'asc',
      isSynthetic: false,
      qualificationYear: 2024,
    })
  })

  it('accepts an industry 门类 letter or 1–4 leading digits, nothing else', () => {
    expect(EnterpriseListQuery.safeParse({ industryCode: 'C' }).success).toBe(true)
    expect(EnterpriseListQuery.safeParse({ industryCode: '301' }).success).toBe(true)
    const bad = EnterpriseListQuery.safeParse({ industryCode: 'C30' })
    expect(bad.error?.issues[0]?.message).toBe('行业代码应为门类字母（A–T）或 1–4 位数字')
  })

  it('rejects a qualification date together with a year, on the year field', () => {
    const result = EnterpriseListQuery.safeParse({ qualificationOn: '2024-06-30', qualificationYear: '2024' })
    expect(result.error?.issues[0]).toMatchObject({
      path: ['qualificationYear'],
      message: '资质日期与资质年度只能选一个',
    })
  })

  it('rejects unknown fields and unknown sorts', () => {
    expect(EnterpriseListQuery.safeParse({ colour: 'red' }).success).toBe(false)
    expect(EnterpriseListQuery.safeParse({ sort: 'secret' }).error?.issues[0]?.message).toBe('排序字段不正确')
    expect(EnterpriseFilter.safeParse({ page: '1' }).success).toBe(false)
  })

  it('turns an empty search into no search', () => {
    expect(EnterpriseListQuery.parse({ q: '   ' }).q).toBeNull()
  })
})

describe('EnterpriseMergeInput', () => {
  it('refuses merging an enterprise with itself, on fromId', () => {
    const result = EnterpriseMergeInput.safeParse({ intoId: ID_A, fromId: ID_A })
    expect(result.error?.issues[0]).toMatchObject({ path: ['fromId'], message: '不能把企业与其自身合并' })
  })

  it('accepts two different ids with an optional reason', () => {
    expect(EnterpriseMergeInput.parse({ intoId: ID_A, fromId: ID_B, reason: ' 同一企业 ' }).reason).toBe(
      '同一企业',
    )
  })

  it('names the field of a malformed id', () => {
    const result = EnterpriseMergeInput.safeParse({ intoId: ID_A, fromId: 'x' })
    expect(result.error?.issues[0]?.message).toBe('要合并的企业编号格式不正确')
  })
})

describe('EnterpriseSplitInput', () => {
  it('needs at least one member row', () => {
    expect(EnterpriseSplitInput.safeParse({ memberIds: [] }).error?.issues[0]?.message).toBe(
      '请至少选择一条要拆分出去的成员记录',
    )
  })

  it('rejects unknown fields', () => {
    expect(EnterpriseSplitInput.safeParse({ memberIds: [ID_A], all: true }).success).toBe(false)
  })
})
