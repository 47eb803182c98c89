import { describe, expect, it } from 'vitest'
import {
  FORMER_NAME_GRACE_DAYS,
  isNameInUseAt,
  normalizePersonName,
  prepareEnterprise,
  prepareIncomingRecord,
} from './prepared-record'

describe('prepared records', () => {
  it('prepares the registered name, 简称 and 曾用名 alike', () => {
    const enterprise = prepareEnterprise({
      id: 'e1',
      name: '湖北祥邦科技有限公司',
      aliases: ['祥邦科技'],
      formerNames: [{ name: '湖北祥邦新材料有限公司', validFrom: '2010-01-01', validTo: '2018-06-30' }],
    })
    expect(enterprise.names.map((n) => [n.kind, n.key])).toEqual([
      ['name', '祥邦科技'],
      ['alias', '祥邦科技'],
      ['former', '祥邦新材料'],
    ])
  })

  it('refines the record region by the place in its name', () => {
    expect(prepareIncomingRecord({ name: '大冶宏泰铝业有限公司', regionCode: '420200' }).regionCode).toBe(
      '420281',
    )
    expect(prepareIncomingRecord({ name: '大冶宏泰铝业有限公司' }).regionCode).toBe('420281')
    expect(prepareIncomingRecord({ name: '宏泰铝业有限公司', regionCode: '420222' }).regionCode).toBe(
      '420222',
    )
  })

  it('keeps a valid credit code and ignores an invalid one (the import reports it)', () => {
    expect(prepareIncomingRecord({ name: 'X', creditCode: '91420281MA4BXQ7U2B' }).creditCode).toBe(
      '91420281MA4BXQ7U2B',
    )
    expect(prepareIncomingRecord({ name: 'X', creditCode: '91420281MA4BXQ7U2C' }).creditCode).toBeNull()
  })

  it('compares person names without spaces or middle dots', () => {
    expect(normalizePersonName(' 买买提·艾力 ')).toBe('买买提艾力')
    expect(normalizePersonName('   ')).toBeNull()
  })

  it(`counts a 曾用名 as in use ${FORMER_NAME_GRACE_DAYS} days past its end, not later`, () => {
    const [, former] = prepareEnterprise({
      id: 'e1',
      name: '新名科技有限公司',
      formerNames: [{ name: '旧名科技有限公司', validFrom: '2010-01-01', validTo: '2018-06-30' }],
    }).names
    expect(isNameInUseAt(former!, '2015-05-05')).toBe(true)
    expect(isNameInUseAt(former!, '2019-06-30')).toBe(true)
    expect(isNameInUseAt(former!, '2019-07-01')).toBe(false)
    expect(isNameInUseAt(former!, '2008-12-31')).toBe(false)
    expect(isNameInUseAt(former!, null)).toBe(true)
  })
})
