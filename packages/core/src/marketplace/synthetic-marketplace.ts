import { createSeededRandom, type SeededRandom } from '../registers/seeded-random'
import {
  MATURITY_LEVELS,
  TRANSFER_MODES,
  type MaturityLevel,
  type TransferMode,
} from './marketplace-vocabulary'

/**
 * Deterministic SYNTHETIC 科技成果, 技术需求 and experts for demos and benchmarks, built from the plans' technology
 * directions (seed tech-directions.json): every record names a technology or product of one direction, so the
 * industries and the vocabulary are the plans' own. Names of owners are made up and say so (示例…).
 */

/** What the generator reads of one technology direction (a 专栏 item). */
export interface TechDirection {
  id: string
  industry: string
  subfield: string | null
  technologies: readonly string[]
  products: readonly string[]
}

export interface SyntheticResult {
  title: string
  keywords: string[]
  abstract: string
  industry: string
  maturity: MaturityLevel
  transferMode: TransferMode
  priceWanYuan: number | null
  ownerName: string
  directionId: string
}

export interface SyntheticNeed {
  title: string
  keywords: string[]
  description: string
  industry: string
  budgetWanYuan: number | null
  directionId: string
}

export interface SyntheticExpert {
  name: string
  organization: string
  title: string
  fields: string[]
  industry: string
}

const RESULT_SUFFIXES = ['', '关键技术', '制备工艺', '成套装备', '研发与应用', '工程化技术', '新方法']
const RESULT_SENTENCES = [
  '本成果针对{t}中的共性难题，形成了完整的工艺路线和质量控制方法。',
  '项目团队围绕{t}开展了系统研究，已获授权发明专利 {n} 项。',
  '该技术可用于{p}的生产，与现有方案相比成本降低约 {k}%。',
  '已完成{m}验证，关键指标达到国内先进水平。',
  '适合{i}领域企业开展合作开发或技术许可。',
]
const NEED_OPENINGS = ['我公司主要从事{p}的生产，', '企业现有{p}生产线，', '公司计划拓展{i}业务，']
const NEED_PROBLEMS = [
  '在{t}方面存在技术瓶颈，希望与高校院所合作攻关。',
  '急需{t}相关技术，提升产品合格率。',
  '寻求{t}的成熟技术或解决方案，可接受技术转让。',
]
const ORGANIZATIONS = [
  '示例理工大学',
  '示例师范大学',
  '示例工业技术研究院',
  '示例职业技术学院',
  '示例材料研究所',
]
const SCHOOLS = ['材料学院', '机电学院', '化学化工学院', '信息工程学院', '医学院', '环境学院']
const EXPERT_TITLES = ['教授', '研究员', '副教授', '高级工程师', '正高级工程师']
const SURNAMES = [
  '赵',
  '钱',
  '孙',
  '李',
  '周',
  '吴',
  '郑',
  '王',
  '冯',
  '陈',
  '褚',
  '卫',
  '蒋',
  '沈',
  '韩',
  '杨',
]
const GIVEN = ['明', '华', '建', '伟', '芳', '静', '磊', '洋', '勇', '军', '杰', '娟', '涛', '超', '敏', '强']
const MATURITY_WORDS: Record<MaturityLevel, string> = {
  lab: '实验室',
  small_pilot: '小试',
  pilot: '中试',
  industrial: '产业化',
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w)\}/g, (_, key: string) => String(values[key] ?? ''))
}

/** A direction's subject: one of its technologies or, when it names none, a product. */
function subjectOf(random: SeededRandom, direction: TechDirection): string {
  const pool = direction.technologies.length > 0 ? direction.technologies : direction.products
  return pool.length > 0 ? random.pick(pool) : (direction.subfield ?? direction.industry)
}

function productOf(random: SeededRandom, direction: TechDirection): string {
  return direction.products.length > 0
    ? random.pick(direction.products)
    : (direction.subfield ?? direction.industry)
}

export function generateSyntheticResults(
  directions: readonly TechDirection[],
  count: number,
  seed = 1,
): SyntheticResult[] {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => {
    const direction = random.pick(directions)
    const subject = subjectOf(random, direction)
    const product = productOf(random, direction)
    const maturity = random.pick(MATURITY_LEVELS)
    const values = {
      t: subject,
      p: product,
      i: direction.industry,
      m: MATURITY_WORDS[maturity],
      n: 1 + random.int(6),
      k: 5 + random.int(30),
    }
    const sentences = RESULT_SENTENCES.filter(() => random.chance(0.7)).map((s) => fill(s, values))
    const suffix = subject.endsWith('技术') ? '' : random.pick(RESULT_SUFFIXES)
    return {
      title: `${subject}${suffix}`,
      keywords: [subject, product].filter((k, i, all) => all.indexOf(k) === i),
      abstract: sentences.join(''),
      industry: direction.industry,
      maturity,
      transferMode: random.pick(TRANSFER_MODES),
      priceWanYuan: random.chance(0.6) ? 10 * (1 + random.int(100)) : null,
      ownerName: `${random.pick(ORGANIZATIONS)}${random.pick(SCHOOLS)}`,
      directionId: direction.id,
    }
  })
}

export function generateSyntheticNeeds(
  directions: readonly TechDirection[],
  count: number,
  seed = 2,
): SyntheticNeed[] {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => {
    const direction = random.pick(directions)
    const subject = subjectOf(random, direction)
    const product = productOf(random, direction)
    const values = { t: subject, p: product, i: direction.industry }
    return {
      title: `${subject}需求`,
      keywords: [subject],
      description: fill(random.pick(NEED_OPENINGS), values) + fill(random.pick(NEED_PROBLEMS), values),
      industry: direction.industry,
      budgetWanYuan: random.chance(0.7) ? 5 * (1 + random.int(200)) : null,
      directionId: direction.id,
    }
  })
}

export function generateSyntheticExperts(
  directions: readonly TechDirection[],
  count: number,
  seed = 3,
): SyntheticExpert[] {
  const random = createSeededRandom(seed)
  return Array.from({ length: count }, () => {
    const direction = random.pick(directions)
    const fields = [subjectOf(random, direction), subjectOf(random, direction), productOf(random, direction)]
    return {
      name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.5) ? random.pick(GIVEN) : ''}`,
      organization: `${random.pick(ORGANIZATIONS)}${random.pick(SCHOOLS)}`,
      title: random.pick(EXPERT_TITLES),
      fields: fields.filter((f, i, all) => all.indexOf(f) === i),
      industry: direction.industry,
    }
  })
}
