import { ExpertInput, TechNeedInput, TechResultInput, type TechNeed } from '@kechuang/core/marketplace'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import {
  expertInputOf,
  techNeedFormValuesOf,
  techNeedInputOf,
  techResultInputOf,
} from './marketplace-form-values'

const need: TechNeed = {
  id: '00000000-0000-4000-8000-000000000001',
  title: '锂电池正极材料改性',
  description: '提高高镍正极材料的循环寿命',
  keywords: ['正极材料'],
  industry: '新能源',
  enterpriseId: '00000000-0000-4000-8000-000000000002',
  enterpriseName: '大冶某电池公司',
  budgetWanYuan: 120.5,
  deadline: '2027-06-30',
  status: 'open',
  contactName: null,
  contactPhone: null,
  regionOrgUnitId: null,
  regionName: null,
  source: 'entered',
  planDirectionId: null,
  isSynthetic: false,
  canEdit: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

describe('techNeedInputOf', () => {
  it('turns a filled form into a valid TechNeedInput, keeping the edited record’s enterprise', () => {
    const body = techNeedInputOf(techNeedFormValuesOf(need), need)
    const parsed = TechNeedInput.parse(body)
    expect(parsed).toMatchObject({
      deadline: '2027-06-30',
      budgetWanYuan: 120.5,
      enterpriseId: need.enterpriseId,
      contactName: null,
    })
  })

  it('sends blank contact details as null and an empty date as null', () => {
    const body = techNeedInputOf({ title: '需求', contactName: '  ', deadline: null })
    expect(body).toMatchObject({ contactName: null, deadline: null, status: 'open', keywords: [] })
  })

  it('formats the picked day as YYYY-MM-DD', () => {
    expect(techNeedInputOf({ deadline: dayjs('2027-01-05T10:00:00') }).deadline).toBe('2027-01-05')
  })

  it('leaves the checks to the core schema: a negative budget is refused there', () => {
    const result = TechNeedInput.safeParse(
      techNeedInputOf({ ...techNeedFormValuesOf(need), budgetWanYuan: -1 }),
    )
    expect(result.success).toBe(false)
  })
})

describe('techResultInputOf and expertInputOf', () => {
  it('produce bodies the core input schemas accept', () => {
    expect(
      TechResultInput.safeParse(
        techResultInputOf({
          title: '高镍正极材料',
          abstract: '<b>简介</b>',
          industry: '新材料',
          maturity: 'pilot',
          ownerName: '湖北理工学院',
          transferMode: 'license',
        }),
      ).success,
    ).toBe(true)
    expect(
      ExpertInput.safeParse(
        expertInputOf({ name: '张三', organization: '湖北理工学院', fields: ['铜合金'], industry: '新材料' }),
      ).success,
    ).toBe(true)
  })
})
