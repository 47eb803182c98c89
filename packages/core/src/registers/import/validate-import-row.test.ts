import { describe, expect, it } from 'vitest'
import { computeCreditCodeCheckCharacter } from '../credit-code'
import { type ImportRegion, validateImportRow } from './validate-import-row'

const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17)
const VALID = code('91420281MA4K00001')
const DAYE: ImportRegion = { orgUnitId: 'daye', name: '大冶市', regionCode: '420281' }
const context = { regions: new Map([['大冶市', DAYE]]) }
const hnteRow = (values: Record<string, string>) =>
  validateImportRow(
    'hnte',
    {
      name: '大冶市宏泰新材料有限公司',
      creditCode: VALID,
      certificateNumber: 'GR202342000001',
      validFrom: '2023-11-20',
      region: '大冶市',
      ...values,
    },
    context,
  )
const messagesOf = (result: ReturnType<typeof validateImportRow>, column: string) =>
  result.errors.filter((e) => e.column === column).map((e) => e.message)

describe('validateImportRow — 高企名单', () => {
  it('reads a good row and sets 有效期至 three years minus one day after 发证日期', () => {
    const result = hnteRow({})
    expect(result.errors).toEqual([])
    expect(result.record).toMatchObject({
      listType: 'hnte',
      validTo: '2026-11-19',
      region: DAYE,
      creditCode: VALID,
    })
    expect(result.subject).toMatchObject({
      name: '大冶市宏泰新材料有限公司',
      regionCode: '420281',
      asOfDate: '2023-11-20',
    })
    expect(result.duplicateKey).toEqual({ key: 'number:GR202342000001', column: 'certificateNumber' })
  })

  it('refuses a wrong check digit and names the expected character', () => {
    const wrong = VALID.slice(0, 17) + (VALID[17] === 'A' ? 'B' : 'A')
    const [message] = messagesOf(hnteRow({ creditCode: wrong }), 'creditCode')
    expect(message).toContain(`应为“${VALID[17]}”`)
  })

  it('refuses a code of the wrong length', () => {
    expect(messagesOf(hnteRow({ creditCode: VALID.slice(0, 17) }), 'creditCode')[0]).toContain('18')
  })

  it('refuses a lowercase code and suggests the uppercase one', () => {
    const lower = code('91420281MA4K0000A').toLowerCase()
    expect(messagesOf(hnteRow({ creditCode: lower }), 'creditCode')[0]).toContain(
      `可改为 ${lower.toUpperCase()}`,
    )
  })

  it('refuses a full-width code and suggests the half-width one', () => {
    const fullWidth = [...VALID].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')
    expect(messagesOf(hnteRow({ creditCode: fullWidth }), 'creditCode')[0]).toContain(`可改为 ${VALID}`)
  })

  it('refuses dates that do not parse or do not exist', () => {
    expect(messagesOf(hnteRow({ validFrom: '二〇二三年' }), 'validFrom')[0]).toContain('不是可识别的日期')
    expect(messagesOf(hnteRow({ validFrom: '2023-02-30' }), 'validFrom')[0]).toContain('不是有效的日期')
    expect(hnteRow({ validFrom: '2023年11月20日' }).record).toMatchObject({ validFrom: '2023-11-20' })
  })

  it('refuses 有效期至 before 发证日期', () => {
    expect(messagesOf(hnteRow({ validTo: '2022-01-01' }), 'validTo')[0]).toContain('早于发证日期')
  })

  it('refuses an unknown region', () => {
    expect(messagesOf(hnteRow({ region: '火星市' }), 'region')[0]).toContain('不是本平台的行政区划')
  })

  it('refuses an empty required cell and keeps no record', () => {
    const result = hnteRow({ certificateNumber: '  ' })
    expect(messagesOf(result, 'certificateNumber')).toEqual(['证书编号不能为空'])
    expect(result.record).toBeNull()
  })

  it('keys yearly figures without a credit code by the name and year', () => {
    const result = validateImportRow('enterprise_years', { name: '甲 公司', year: '2024' }, context)
    expect(result.duplicateKey).toEqual({ key: 'name:甲公司|2024', column: 'name' })
  })
})

describe('validateImportRow — 企业年度数据', () => {
  const yearRow = (values: Record<string, string>) =>
    validateImportRow('enterprise_years', { name: '黄石某某科技有限公司', year: '2024', ...values }, context)

  it('refuses a negative staff count', () => {
    expect(messagesOf(yearRow({ employeeCount: '-3' }), 'employeeCount')[0]).toContain('不能为负数')
  })

  it('refuses 科技人员 above 职工总数', () => {
    expect(messagesOf(yearRow({ employeeCount: '10', techStaffCount: '12' }), 'techStaffCount')[0]).toBe(
      '科技人员数（12）不能多于职工总数（10）',
    )
  })

  it('accepts a loss but not negative sales', () => {
    expect(yearRow({ profitWanYuan: '-12.5' }).record).toMatchObject({ figures: { profitWanYuan: -12.5 } })
    expect(messagesOf(yearRow({ salesRevenueWanYuan: '-1' }), 'salesRevenueWanYuan')).toHaveLength(1)
  })

  it('reads thousands separators and keys duplicates by enterprise and year', () => {
    const result = yearRow({ salesRevenueWanYuan: '1,234.5' })
    expect(result.record).toMatchObject({ figures: { salesRevenueWanYuan: 1234.5 } })
    expect(result.duplicateKey?.key).toBe('name:黄石某某科技有限公司|2024')
  })
})

describe('validateImportRow — 专利清单 and 创新平台名单', () => {
  it('maps patent types and legal status and links by the first 专利权人', () => {
    const result = validateImportRow(
      'patents',
      {
        number: 'ZL202310000001.X',
        title: '一种合金',
        ipType: '发明',
        legalStatus: '有效',
        applicantName: '甲公司；乙大学',
        appliedOn: '2023-01-01',
        grantedOn: '2024-01-01',
      },
      context,
    )
    expect(result.record).toMatchObject({ ipType: 'invention', legalStatus: 'granted' })
    expect(result.subject).toMatchObject({ name: '甲公司' })
  })

  it('refuses an unknown patent type and a grant before the application', () => {
    const result = validateImportRow(
      'patents',
      {
        number: 'X',
        title: 'T',
        ipType: '秘方',
        legalStatus: '有效',
        applicantName: 'A',
        appliedOn: '2024-01-01',
        grantedOn: '2023-01-01',
      },
      context,
    )
    expect(result.errors.map((e) => e.column).sort()).toEqual(['grantedOn', 'ipType'])
  })

  it('reads 省级企业技术中心 as an enterprise technology center, not a research center', () => {
    const result = validateImportRow(
      'platforms',
      { name: '某中心', platformType: '省级企业技术中心', level: '省级', hostName: '甲公司' },
      context,
    )
    expect(result.record).toMatchObject({
      platformType: 'enterprise_technology_center',
      level: 'provincial',
      status: 'built',
    })
  })
})
