import { CLASS_I_IP_TYPES, CLASS_II_IP_TYPES, type IpType } from './qualification.schemas'

// Ⅰ类 / Ⅱ类 of 115号 第九条（五） and 195号 三(二); 商标 is never counted. 国防专利 is Ⅰ类 in both rule sets
// (I-IP-DEFENSE: 195号 says "发明专利（含国防专利）", 115号 is silent).
export type IpClass = 'I' | 'II' | null

const classOfType = new Map<IpType, IpClass>([
  ...CLASS_I_IP_TYPES.map((type) => [type, 'I'] as const),
  ...CLASS_II_IP_TYPES.map((type) => [type, 'II'] as const),
])

export function ipClassOf(type: IpType): IpClass {
  return classOfType.get(type) ?? null
}

export const IP_TYPE_LABELS: Record<IpType, string> = {
  invention: '发明专利',
  defensePatent: '国防专利',
  plantVariety: '植物新品种',
  nationalCropVariety: '国家级农作物品种',
  nationalNewDrug: '国家新药',
  tcmProtectedGrade1: '国家一级中药保护品种',
  icLayoutDesign: '集成电路布图设计专有权',
  utilityModel: '实用新型专利',
  design: '外观设计专利',
  softwareCopyright: '软件著作权',
  trademark: '商标',
  other: '其他',
}

/** Why an item of an IP list was not counted, in Chinese; one entry per excluded item. */
export interface ExcludedIp {
  type: IpType
  reasons: string[]
}

export function describeExcludedIp(excluded: readonly ExcludedIp[]): string {
  return excluded.map((item) => `${IP_TYPE_LABELS[item.type]}（${item.reasons.join('、')}）`).join('，')
}

export function reasonsForUncountedType(type: IpType): string[] {
  if (type === 'trademark') return ['商标不属于Ⅰ类、Ⅱ类知识产权']
  return ipClassOf(type) === null ? ['不属于Ⅰ类、Ⅱ类知识产权'] : []
}
