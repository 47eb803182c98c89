import { describe, expect, it } from 'vitest'
import { ApiError } from '../../lib/api-client'
import { importRowErrors, planDownloadUrl } from './indicators.api'

describe('importRowErrors', () => {
  it('reads the row errors of a rejected upload', () => {
    const error = new ApiError(422, 'IMPORT_REJECTED', '文件中有 1 处错误，未导入任何数据', {
      errors: [{ row: 7, column: 'F', message: '数值必须是数字' }],
    })
    expect(importRowErrors(error)).toEqual([{ row: 7, column: 'F', message: '数值必须是数字' }])
  })

  it('finds none in other failures', () => {
    expect(importRowErrors(new ApiError(422, 'NOT_A_TEMPLATE', '这不是本平台的填报模板'))).toEqual([])
    expect(importRowErrors(new Error('x'))).toEqual([])
  })
})

describe('planDownloadUrl', () => {
  it('points the download links at the files of one unit and year', () => {
    expect(planDownloadUrl('daye-2022-2024', 'report', { orgUnitId: 'u1', year: 2022 })).toBe(
      '/api/plans/daye-2022-2024/report.docx?orgUnitId=u1&year=2022',
    )
    expect(planDownloadUrl('daye-2022-2024', 'template', { year: 2023 })).toBe(
      '/api/plans/daye-2022-2024/template?year=2023',
    )
  })
})
