import { describe, expect, it } from 'vitest'
import {
  CanonicalEnterprise,
  FormerName,
  IncomingEnterpriseRecord,
  Judgement,
  RegionCode,
} from './registers.schemas'

describe('register schemas', () => {
  it('refuses a 曾用名 that ends before it starts, on the end date', () => {
    const result = FormerName.safeParse({
      name: '旧名有限公司',
      validFrom: '2020-01-01',
      validTo: '2019-01-01',
    })
    expect(result.error?.issues[0]).toMatchObject({
      path: ['validTo'],
      message: '曾用名的起始日期不能晚于终止日期',
    })
  })

  it('refuses an invalid credit code on a register enterprise but keeps it as written on an incoming record', () => {
    const code = '91420281MA4BXQ7U2C'
    expect(CanonicalEnterprise.safeParse({ id: 'e', name: '宏泰铝业', creditCode: code }).success).toBe(false)
    expect(IncomingEnterpriseRecord.parse({ name: '宏泰铝业', creditCode: code }).creditCode).toBe(code)
  })

  it('refuses unknown fields and malformed region codes', () => {
    expect(IncomingEnterpriseRecord.safeParse({ name: '宏泰铝业', extra: 1 }).success).toBe(false)
    expect(RegionCode.safeParse('4202').error?.issues[0]?.message).toBe('行政区划代码应为 6 位数字')
  })

  it('accepts a judgement with an offset date-time', () => {
    const judgement = {
      left: 'a',
      right: 'b',
      judgement: 'POSITIVE',
      score: null,
      userId: 'u',
      createdAt: '2026-03-01T09:00:00+08:00',
      deletedAt: null,
    }
    expect(Judgement.safeParse(judgement).success).toBe(true)
    expect(Judgement.safeParse({ ...judgement, judgement: 'MAYBE' }).success).toBe(false)
  })
})
