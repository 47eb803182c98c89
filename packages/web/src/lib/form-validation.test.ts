import { describe, expect, it } from 'vitest'
import { OrgUnitCreateInput } from '@kechuang/core/org-units'
import '@kechuang/core/validation'
import { toFormFieldErrors } from './form-validation'

describe('toFormFieldErrors', () => {
  it('groups problems by top-level field, so a bad alias shows on the 别名 field', () => {
    expect(
      toFormFieldErrors([
        { path: ['name'], message: '机构名称不能为空' },
        { path: ['aliases', 1], message: '别名不能为空' },
        { path: ['aliases', 2], message: '别名不能为空' },
        { path: [], message: '无法识别的键' },
      ]),
    ).toEqual({
      fields: [
        { name: 'name', errors: ['机构名称不能为空'] },
        { name: 'aliases', errors: ['别名不能为空'] },
      ],
      general: ['无法识别的键'],
    })
  })

  it('turns the issues of a core schema into field errors with its Chinese messages', () => {
    const result = OrgUnitCreateInput.safeParse({
      parentId: '5e19ca58-5b4e-5731-a765-29e3a6840c89',
      name: '  ',
      type: 'township',
      divisionCode: '12345',
    })
    expect(result.success).toBe(false)
    const { fields } = toFormFieldErrors(result.error?.issues ?? [])
    expect(fields).toEqual([
      { name: 'name', errors: ['机构名称不能为空'] },
      { name: 'divisionCode', errors: ['行政区划代码应为 6、9 或 12 位数字'] },
    ])
  })
})
