import {
  TechContractInput,
  TechEventInput,
  type Engagement,
  type TechContract,
} from '@kechuang/core/marketplace'
import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import {
  NO_CONTRACT_LINKS,
  contractPrefillOf,
  isFutureDay,
  techContractFormValuesOf,
  techContractInputOf,
  techContractLinksOf,
  techEventInputOf,
} from './deal-form-values'

const ENGAGEMENT_ID = '00000000-0000-4000-8000-000000000009'
const REGION_ID = '00000000-0000-4000-8000-000000000008'

const contract: TechContract = {
  id: '00000000-0000-4000-8000-000000000001',
  registrationNumber: '2026420200000123',
  title: '高镍正极材料技术开发合同',
  type: 'development',
  amountWanYuan: 85.1234,
  sellerName: '湖北理工学院',
  sellerInstitutionId: '00000000-0000-4000-8000-000000000002',
  sellerEnterpriseId: null,
  buyerName: '大冶某电池公司',
  buyerEnterpriseId: '00000000-0000-4000-8000-000000000003',
  signedOn: '2026-05-20',
  regionOrgUnitId: REGION_ID,
  regionName: '大冶市',
  engagementId: ENGAGEMENT_ID,
  note: null,
  canEdit: true,
  createdAt: '2026-05-21T00:00:00.000Z',
  updatedAt: '2026-05-21T00:00:00.000Z',
}

describe('techContractInputOf', () => {
  it('turns an edited contract back into the same valid input, keeping its links', () => {
    const body = techContractInputOf(techContractFormValuesOf(contract), techContractLinksOf(contract))
    expect(TechContractInput.parse(body)).toMatchObject({
      amountWanYuan: 85.1234,
      signedOn: '2026-05-20',
      engagementId: ENGAGEMENT_ID,
      sellerInstitutionId: contract.sellerInstitutionId,
      buyerEnterpriseId: contract.buyerEnterpriseId,
      note: null,
    })
  })

  it('leaves a missing amount to the core schema, which refuses it on its field', () => {
    const result = TechContractInput.safeParse(
      techContractInputOf({ ...techContractFormValuesOf(contract), amountWanYuan: null }, NO_CONTRACT_LINKS),
    )
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['amountWanYuan'])
  })

  it('refuses a zero amount and one with more than four decimals', () => {
    const values = techContractFormValuesOf(contract)
    for (const amountWanYuan of [0, 1.00001]) {
      const body = techContractInputOf({ ...values, amountWanYuan }, NO_CONTRACT_LINKS)
      expect(TechContractInput.safeParse(body).success).toBe(false)
    }
  })
})

describe('contractPrefillOf', () => {
  it('has the need’s enterprise buy and the counterpart’s owner sell', () => {
    const engagement = {
      needTitle: '锂电池正极材料改性',
      enterpriseName: '大冶某电池公司',
      counterpartOwner: '湖北理工学院',
      regionOrgUnitId: REGION_ID,
    } as Engagement
    expect(contractPrefillOf(engagement)).toEqual({
      title: '锂电池正极材料改性',
      buyerName: '大冶某电池公司',
      sellerName: '湖北理工学院',
      regionOrgUnitId: REGION_ID,
    })
  })
})

describe('isFutureDay', () => {
  it('allows today and refuses tomorrow', () => {
    const today = dayjs('2026-11-22T15:00:00')
    expect(isFutureDay(dayjs('2026-11-22T08:00:00'), today)).toBe(false)
    expect(isFutureDay(dayjs('2026-11-23'), today)).toBe(true)
  })
})

describe('techEventInputOf', () => {
  it('drops blank participant rows and sends a valid TechEventInput', () => {
    const body = techEventInputOf({
      title: '新材料供需对接会',
      kind: 'matchmaking',
      heldOn: dayjs('2026-09-10'),
      location: ' ',
      participants: [
        { kind: 'enterprise', name: '大冶某电池公司' },
        { kind: 'expert', name: '' },
        { name: '湖北理工学院', kind: 'institution', refId: null },
      ],
    })
    const parsed = TechEventInput.parse(body)
    expect(parsed.heldOn).toBe('2026-09-10')
    expect(parsed.location).toBeNull()
    expect(parsed.participants).toEqual([
      { kind: 'enterprise', name: '大冶某电池公司', refId: null },
      { kind: 'institution', name: '湖北理工学院', refId: null },
    ])
  })
})
