import type {
  ContractType,
  Engagement,
  EventKind,
  ParticipantKind,
  TechContract,
  TechEvent,
} from '@kechuang/core/marketplace'
import dayjs, { type Dayjs } from 'dayjs'

// What the 对接活动 and 技术合同 forms hold, and their conversion to the API inputs. As in
// marketplace-form-values.ts these only reshape (blank text → null, a picked day → 'YYYY-MM-DD'); the core input
// schemas check the result before it is sent.

export interface ParticipantFormValues {
  kind?: ParticipantKind
  name?: string
  refId?: string | null
}

export interface TechEventFormValues {
  title?: string
  kind?: EventKind
  heldOn?: Dayjs | null
  location?: string
  organizer?: string
  description?: string
  regionOrgUnitId?: string | null
  participants?: ParticipantFormValues[]
}

export interface TechContractFormValues {
  registrationNumber?: string
  title?: string
  type?: ContractType
  amountWanYuan?: number | null
  sellerName?: string
  buyerName?: string
  signedOn?: Dayjs | null
  regionOrgUnitId?: string | null
  note?: string
}

/** The record links a contract form does not show, kept as they are: the 对接 and the register's parties. */
export type TechContractLinks = Pick<
  TechContract,
  'engagementId' | 'sellerInstitutionId' | 'sellerEnterpriseId' | 'buyerEnterpriseId'
>

export const NO_CONTRACT_LINKS: TechContractLinks = {
  engagementId: null,
  sellerInstitutionId: null,
  sellerEnterpriseId: null,
  buyerEnterpriseId: null,
}

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value : null)
const dayOrNull = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null)

/** A 对接活动 form → the body for TechEventInput; participant rows left entirely blank are dropped. */
export function techEventInputOf(values: TechEventFormValues): Record<string, unknown> {
  return {
    title: values.title ?? '',
    kind: values.kind,
    heldOn: dayOrNull(values.heldOn),
    location: textOrNull(values.location),
    organizer: textOrNull(values.organizer),
    description: textOrNull(values.description),
    regionOrgUnitId: values.regionOrgUnitId ?? null,
    participants: (values.participants ?? [])
      .filter((participant) => participant.name?.trim())
      .map((participant) => ({
        kind: participant.kind ?? 'other',
        name: participant.name ?? '',
        refId: participant.refId ?? null,
      })),
  }
}

export function techEventFormValuesOf(event: TechEvent): TechEventFormValues {
  return {
    title: event.title,
    kind: event.kind,
    heldOn: dayjs(event.heldOn),
    location: event.location ?? '',
    organizer: event.organizer ?? '',
    description: event.description ?? '',
    regionOrgUnitId: event.regionOrgUnitId,
    participants: event.participants.map((participant) => ({ ...participant })),
  }
}

/** A 技术合同 form → the body for TechContractInput, with the links of the record or the 对接 it concludes. */
export function techContractInputOf(
  values: TechContractFormValues,
  links: TechContractLinks,
): Record<string, unknown> {
  return {
    registrationNumber: values.registrationNumber ?? '',
    title: values.title ?? '',
    type: values.type,
    amountWanYuan: values.amountWanYuan ?? undefined,
    sellerName: values.sellerName ?? '',
    sellerInstitutionId: links.sellerInstitutionId,
    sellerEnterpriseId: links.sellerEnterpriseId,
    buyerName: values.buyerName ?? '',
    buyerEnterpriseId: links.buyerEnterpriseId,
    signedOn: dayOrNull(values.signedOn),
    regionOrgUnitId: values.regionOrgUnitId ?? null,
    engagementId: links.engagementId,
    note: textOrNull(values.note),
  }
}

export function techContractFormValuesOf(contract: TechContract): TechContractFormValues {
  return {
    registrationNumber: contract.registrationNumber,
    title: contract.title,
    type: contract.type,
    amountWanYuan: contract.amountWanYuan,
    sellerName: contract.sellerName,
    buyerName: contract.buyerName,
    signedOn: dayjs(contract.signedOn),
    regionOrgUnitId: contract.regionOrgUnitId,
    note: contract.note ?? '',
  }
}

export function techContractLinksOf(contract: TechContract): TechContractLinks {
  return {
    engagementId: contract.engagementId,
    sellerInstitutionId: contract.sellerInstitutionId,
    sellerEnterpriseId: contract.sellerEnterpriseId,
    buyerEnterpriseId: contract.buyerEnterpriseId,
  }
}

/**
 * 登记技术合同 from a 对接: the need's enterprise buys, the result's owner (or the expert's organisation) sells, the
 * title starts as the need's, the region as the 对接's; the rest is typed from the contract itself.
 */
export function contractPrefillOf(engagement: Engagement): TechContractFormValues {
  return {
    title: engagement.needTitle,
    buyerName: engagement.enterpriseName,
    sellerName: engagement.counterpartOwner,
    regionOrgUnitId: engagement.regionOrgUnitId,
  }
}

/** The signing date may not be after today (the server checks it against today in China too). */
export function isFutureDay(day: Dayjs, today: Dayjs = dayjs()): boolean {
  return day.isAfter(today, 'day')
}
