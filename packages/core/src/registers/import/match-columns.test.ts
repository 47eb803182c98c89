import { describe, expect, it } from 'vitest'
import { listMissingRequiredColumns, matchColumns } from './match-columns'

describe('matchColumns', () => {
  it('matches official and alternate headers, ignoring spaces, stars and full-width brackets', () => {
    const mapping = matchColumns('hnte', [
      '序号',
      '* 单位名称',
      '信用代码',
      '证书编号',
      '认定日期',
      '所属地区',
    ])
    expect(mapping).toMatchObject({
      name: '* 单位名称',
      creditCode: '信用代码',
      certificateNumber: '证书编号',
      validFrom: '认定日期',
      validTo: null,
      region: '所属地区',
    })
    expect(listMissingRequiredColumns('hnte', mapping)).toEqual([])
  })

  it('matches a header with a unit in brackets to the bare name', () => {
    expect(matchColumns('enterprise_years', ['企业名称', '年度', '职工总数(人)']).employeeCount).toBe(
      '职工总数(人)',
    )
  })

  it('prefers the remembered header of the list type', () => {
    const mapping = matchColumns('hnte', ['企业名称', '公司名称', '证书编号', '发证日期'], {
      name: '公司名称',
    })
    expect(mapping.name).toBe('公司名称')
  })

  it('names the required columns left unmapped', () => {
    expect(listMissingRequiredColumns('hnte', matchColumns('hnte', ['企业名称']))).toEqual([
      '证书编号',
      '发证日期',
    ])
  })
})
