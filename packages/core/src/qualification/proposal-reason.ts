import type { ScreenedCondition } from './qualification-api.schemas'

/** Short Chinese names of the conditions, for lists of what is still open ("待核实：核心技术领域、…"). */
export const CONDITION_LABELS: Record<string, string> = {
  'TSME-C1-resident': '居民企业',
  'TSME-C1-accounting': '会计核算与征收方式',
  'TSME-C2-employees': '职工总数',
  'TSME-C2-sales': '年销售收入',
  'TSME-C2-assets': '资产总额',
  'TSME-C3-industry': '行业限制',
  'TSME-C4-integrity': '重大事故与失信行为',
  'TSME-C4-credit-list': '经营异常与失信名单',
  'TSME-C5-score': '综合评价得分',
  'TSME-C5-tech-staff-nonzero': '科技人员',
  'HNTE-0-resident': '居民企业',
  'HNTE-1-registered-1y': '注册成立满一年',
  'HNTE-2-core-ip': '知识产权核心支持作用',
  'HNTE-3-tech-domain': '核心技术领域',
  'HNTE-4-tech-staff-10pct': '科技人员占比',
  'HNTE-5-rd-ratio': '研发费用占比',
  'HNTE-5-domestic-rd-60pct': '境内研发费用占比',
  'HNTE-6-hitech-revenue-60pct': '高新技术产品（服务）收入占比',
  'HNTE-7-innovation-score': '创新能力评价',
  'HNTE-8-no-major-incident': '重大安全、质量事故及环境违法',
}

export function conditionLabel(id: string): string {
  return CONDITION_LABELS[id] ?? id
}

/**
 * Why a screening proposes an enterprise for the 高企后备库: its place on the nearly-qualified ranking, what each
 * failed condition still lacks (the condition's own text, with its gap), then what must still be checked.
 * E.g. "高企预评价排名第 3：研发费用占比 3.60%，需 ≥ 4%…，还差 12.40 万元；待核实：核心技术领域、创新能力评价。"
 */
export function describeProposalReason(rank: number, conditions: readonly ScreenedCondition[]): string {
  const failed = conditions.filter((c) => c.status === 'fail').map((c) => c.text.replace(/。$/, ''))
  const open = conditions.filter((c) => c.status !== 'fail').map((c) => conditionLabel(c.id))
  const parts = [...failed, ...(open.length > 0 ? [`待核实：${open.join('、')}`] : [])]
  return `高企预评价排名第 ${rank}：${parts.length > 0 ? parts.join('；') : '各项条件均已满足'}。`
}
