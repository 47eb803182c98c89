import type {
  Expert,
  MaturityLevel,
  NeedStatus,
  TechNeed,
  TechResult,
  TransferMode,
} from '@kechuang/core/marketplace'
import type { SelectProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'

// What the antd forms hold. Their conversion to the API input is checked with the core input schemas afterwards,
// so these functions only reshape: blank text → null, the date picker's day → 'YYYY-MM-DD'.

export interface TechNeedFormValues {
  title?: string
  description?: string
  keywords?: string[]
  industry?: string
  enterpriseName?: string
  budgetWanYuan?: number | null
  deadline?: Dayjs | null
  status?: NeedStatus
  contactName?: string
  contactPhone?: string
  regionOrgUnitId?: string | null
}

export interface TechResultFormValues {
  title?: string
  abstract?: string
  keywords?: string[]
  industry?: string
  maturity?: MaturityLevel
  ipNumbers?: string[]
  ownerName?: string
  contactName?: string
  contactPhone?: string
  transferMode?: TransferMode
  priceWanYuan?: number | null
  regionOrgUnitId?: string | null
}

export interface ExpertFormValues {
  name?: string
  organization?: string
  title?: string
  fields?: string[]
  industry?: string
  bio?: string
  phone?: string
  email?: string
  regionOrgUnitId?: string | null
}

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value : null)

/** A 技术需求 form → the body for TechNeedInput (kept `enterpriseId` of the record being edited). */
export function techNeedInputOf(values: TechNeedFormValues, editing?: TechNeed): Record<string, unknown> {
  return {
    title: values.title ?? '',
    description: values.description ?? '',
    keywords: values.keywords ?? [],
    industry: values.industry ?? '',
    enterpriseId: editing?.enterpriseId ?? null,
    enterpriseName: values.enterpriseName ?? '',
    budgetWanYuan: values.budgetWanYuan ?? null,
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    status: values.status ?? 'open',
    contactName: textOrNull(values.contactName),
    contactPhone: textOrNull(values.contactPhone),
    regionOrgUnitId: values.regionOrgUnitId ?? null,
  }
}

export function techNeedFormValuesOf(need: TechNeed): TechNeedFormValues {
  return {
    title: need.title,
    description: need.description,
    keywords: need.keywords,
    industry: need.industry,
    enterpriseName: need.enterpriseName,
    budgetWanYuan: need.budgetWanYuan,
    deadline: need.deadline ? dayjs(need.deadline) : null,
    status: need.status,
    contactName: need.contactName ?? '',
    contactPhone: need.contactPhone ?? '',
    regionOrgUnitId: need.regionOrgUnitId,
  }
}

/** A 科技成果 form → the body for TechResultInput (kept `ownerInstitutionId` of the record being edited). */
export function techResultInputOf(
  values: TechResultFormValues,
  editing?: TechResult,
): Record<string, unknown> {
  return {
    title: values.title ?? '',
    abstract: values.abstract ?? '',
    keywords: values.keywords ?? [],
    industry: values.industry ?? '',
    maturity: values.maturity,
    ipNumbers: values.ipNumbers ?? [],
    ownerName: values.ownerName ?? '',
    ownerInstitutionId: editing?.ownerInstitutionId ?? null,
    contactName: textOrNull(values.contactName),
    contactPhone: textOrNull(values.contactPhone),
    transferMode: values.transferMode,
    priceWanYuan: values.priceWanYuan ?? null,
    regionOrgUnitId: values.regionOrgUnitId ?? null,
  }
}

export function techResultFormValuesOf(result: TechResult): TechResultFormValues {
  return {
    title: result.title,
    abstract: result.abstract,
    keywords: result.keywords,
    industry: result.industry,
    maturity: result.maturity,
    ipNumbers: result.ipNumbers,
    ownerName: result.ownerName,
    contactName: result.contactName ?? '',
    contactPhone: result.contactPhone ?? '',
    transferMode: result.transferMode,
    priceWanYuan: result.priceWanYuan,
    regionOrgUnitId: result.regionOrgUnitId,
  }
}

/** An expert form → the body for ExpertInput. */
export function expertInputOf(values: ExpertFormValues): Record<string, unknown> {
  return {
    name: values.name ?? '',
    organization: values.organization ?? '',
    title: textOrNull(values.title),
    fields: values.fields ?? [],
    industry: values.industry ?? '',
    bio: textOrNull(values.bio),
    phone: textOrNull(values.phone),
    email: textOrNull(values.email),
    regionOrgUnitId: values.regionOrgUnitId ?? null,
  }
}

export function expertFormValuesOf(expert: Expert): ExpertFormValues {
  return {
    name: expert.name,
    organization: expert.organization,
    title: expert.title ?? '',
    fields: expert.fields,
    industry: expert.industry,
    bio: expert.bio ?? '',
    phone: expert.phone ?? '',
    email: expert.email ?? '',
    regionOrgUnitId: expert.regionOrgUnitId,
  }
}

/** Free words typed one by one (keywords, 研究领域, IP numbers): a tags select without a drop-down. */
export const TAG_INPUT_PROPS: SelectProps = {
  mode: 'tags',
  open: false,
  tokenSeparators: [',', '，', '、', ';', '；'],
}
