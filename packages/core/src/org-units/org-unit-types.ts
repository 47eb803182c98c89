/**
 * Kinds of org unit (组织机构). The first six are the administrative levels of PRODUCT.md M1;
 * `department` holds 责任单位 such as 市科技局 that report for a region but are not regions themselves.
 */
export const ORG_UNIT_TYPES = [
  'province',
  'city',
  'county',
  'functional_zone',
  'township',
  'park',
  'department',
] as const
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number]

export const ORG_UNIT_TYPE_LABELS: Record<OrgUnitType, string> = {
  province: '省',
  city: '市',
  county: '县(市、区)',
  functional_zone: '功能区',
  township: '乡镇(街道)',
  park: '园区',
  department: '部门',
}

// Which kinds may sit directly under which. Functional zones (高新区, 经济区) may hold towns because
// parks often administer them (黄石临空经济区·还地桥镇); departments may hold their own sections.
const ALLOWED_CHILDREN: Record<OrgUnitType, readonly OrgUnitType[]> = {
  province: ['city', 'county', 'functional_zone', 'park', 'department'],
  city: ['county', 'functional_zone', 'park', 'department'],
  county: ['township', 'functional_zone', 'park', 'department'],
  functional_zone: ['township', 'functional_zone', 'park', 'department'],
  township: ['park', 'department'],
  park: ['park', 'department'],
  department: ['department'],
}

/** Whether a unit of kind `child` may be placed directly under a unit of kind `parent`. */
export function canContain(parent: OrgUnitType, child: OrgUnitType): boolean {
  return ALLOWED_CHILDREN[parent].includes(child)
}

export function allowedChildTypes(parent: OrgUnitType): readonly OrgUnitType[] {
  return ALLOWED_CHILDREN[parent]
}
