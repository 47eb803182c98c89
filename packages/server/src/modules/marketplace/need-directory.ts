import type { TechNeed } from '@kechuang/core/marketplace'

// The 《企业科技需求目录》: the needs of a year grouped by 产业领域, numbered within each group. The groups follow
// the order of the plans' industries, then any other industry by pinyin.

/** The industries in the order the plans list them. */
export const PLAN_INDUSTRY_ORDER = [
  '新材料',
  '电子信息',
  '智能装备',
  '生命健康',
  '节能环保',
  '新能源汽车',
  '现代服装',
  '工业互联网',
] as const

const collator = new Intl.Collator('zh')

export const needDirectoryTitle = (year: number) => `${year} 年企业科技需求目录`

export function compareIndustries(a: string, b: string): number {
  const rank = (industry: string) => {
    const index = (PLAN_INDUSTRY_ORDER as readonly string[]).indexOf(industry)
    return index < 0 ? PLAN_INDUSTRY_ORDER.length : index
  }
  return rank(a) - rank(b) || collator.compare(a, b)
}

export interface NeedDirectoryGroup {
  industry: string
  /** In the group's order; the need's number is its place + 1. */
  needs: TechNeed[]
}

export interface NeedDirectory {
  year: number
  /** "地区：全部；状态：全部；不含合成数据". */
  scope: string
  /** YYYY-MM-DD, China time. */
  compiledOn: string
  total: number
  /** More needs matched than a directory holds; only the first ones are listed. */
  truncatedAt: number | null
  groups: NeedDirectoryGroup[]
}

/** Groups needs by industry (plan order, then pinyin); within a group by the time they were published. */
export function groupNeedsByIndustry(needs: readonly TechNeed[]): NeedDirectoryGroup[] {
  const byIndustry = new Map<string, TechNeed[]>()
  for (const need of needs) {
    const group = byIndustry.get(need.industry)
    if (group) group.push(need)
    else byIndustry.set(need.industry, [need])
  }
  return [...byIndustry.entries()]
    .sort(([a], [b]) => compareIndustries(a, b))
    .map(([industry, group]) => ({
      industry,
      needs: group.sort(
        (a, b) =>
          a.createdAt.localeCompare(b.createdAt) ||
          (a.planDirectionId ?? '').localeCompare(b.planDirectionId ?? '') ||
          collator.compare(a.title, b.title),
      ),
    }))
}

/** Text as it goes into a document: control characters that XML cannot hold are dropped. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

export const formatBudget = (budget: number | null) => (budget === null ? '面议' : `${budget} 万元`)

export function formatContact(need: TechNeed): string {
  const parts = [need.contactName, need.contactPhone].filter((p): p is string => Boolean(p))
  return parts.length > 0 ? parts.join(' ') : '未填写'
}

export const formatSource = (need: TechNeed) =>
  need.source === 'plan'
    ? `规划方向${need.planDirectionId ? `（${need.planDirectionId}）` : ''}`
    : need.source === 'synthetic'
      ? '合成数据'
      : '企业发布'

/** Excel sheet names: at most 31 characters, none of []:*?/\, not starting or ending with ', unique. */
export function sheetNames(industries: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set(reserved.map((n) => n.toLowerCase()))
  return industries.map((industry) => {
    const base =
      industry
        .replace(/[[\]:*?/\\]/g, '_')
        .replace(/^'+|'+$/g, '')
        .slice(0, 31) || '未分类'
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`
    }
    used.add(name.toLowerCase())
    return name
  })
}
