/**
 * The words of the M2 registers (PRODUCT.md M2): kinds of qualification, platform, IP, project and talent, the
 * yearly figures of an enterprise, the five 库 and the steps of the 梯次培育 ladder. Stored as these keys; the
 * labels are what the API and the UI show.
 */

/** 资质 / 称号 an enterprise holds for a period. `other` keeps a title as written (e.g. 科技进步奖). */
export const QUALIFICATION_TYPES = [
  'tsme',
  'hnte',
  'specialized',
  'little_giant',
  'gazelle',
  'unicorn',
  'single_champion',
  'innovation_leader',
  'above_scale',
  'other',
] as const
export type QualificationType = (typeof QUALIFICATION_TYPES)[number]
export const QUALIFICATION_TYPE_LABELS: Record<QualificationType, string> = {
  tsme: '科技型中小企业',
  hnte: '高新技术企业',
  specialized: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  gazelle: '瞪羚企业',
  unicorn: '独角兽企业',
  single_champion: '制造业单项冠军',
  innovation_leader: '创新型领军企业',
  above_scale: '规模以上工业企业',
  other: '其他称号',
}

/** `held` = the source says the enterprise has it; `target` = a plan names it as a goal (争创), not a fact. */
export const QUALIFICATION_STATUSES = ['held', 'target'] as const
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number]
export const QUALIFICATION_STATUS_LABELS: Record<QualificationStatus, string> = {
  held: '已获得',
  target: '培育目标',
}

export const PLATFORM_TYPES = [
  'key_laboratory',
  'engineering_research_center',
  'engineering_technology_center',
  'enterprise_technology_center',
  'technology_innovation_center',
  'enterprise_university_center',
  'new_rd_institution',
  'industrial_technology_institute',
  'academician_workstation',
  'incubator',
  'maker_space',
  'star_innovation_base',
  'pilot_base',
  'technology_transfer_institution',
  'public_service_platform',
  'other',
] as const
export type PlatformType = (typeof PLATFORM_TYPES)[number]
export const PLATFORM_TYPE_LABELS: Record<PlatformType, string> = {
  key_laboratory: '重点实验室',
  engineering_research_center: '工程研究中心',
  engineering_technology_center: '工程技术研究中心',
  enterprise_technology_center: '企业技术中心',
  technology_innovation_center: '技术创新中心',
  enterprise_university_center: '企校联合创新中心',
  new_rd_institution: '新型研发机构',
  industrial_technology_institute: '产业技术研究院',
  academician_workstation: '院士专家工作站',
  incubator: '科技企业孵化器',
  maker_space: '众创空间',
  star_innovation_base: '星创天地',
  pilot_base: '中试基地',
  technology_transfer_institution: '技术转移示范机构',
  public_service_platform: '公共服务平台',
  other: '其他平台',
}

export const PLATFORM_LEVELS = ['national', 'provincial', 'municipal'] as const
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number]
export const PLATFORM_LEVEL_LABELS: Record<PlatformLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
}

/** 建成 = approved and running; 争创 = being built or applied for. */
export const PLATFORM_STATUSES = ['built', 'striving'] as const
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number]
export const PLATFORM_STATUS_LABELS: Record<PlatformStatus, string> = {
  built: '建成',
  striving: '争创',
}

/** Type keys as in the qualification spec §2.4.3, so M3 reads the register without a translation table. */
export const IP_TYPES = [
  'invention',
  'defensePatent',
  'plantVariety',
  'nationalCropVariety',
  'nationalNewDrug',
  'tcmProtectedGrade1',
  'icLayoutDesign',
  'utilityModel',
  'design',
  'softwareCopyright',
  'trademark',
  'other',
] as const
export type IpType = (typeof IP_TYPES)[number]
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

export type IpClass = 'I' | 'II'
export const IP_CLASS_LABELS: Record<IpClass, string> = { I: 'Ⅰ类', II: 'Ⅱ类' }

/** Ⅰ类 / Ⅱ类 per the qualification spec §2.2 and §3.2; 商标 and other IP are in neither class. */
export function ipClassOf(type: IpType): IpClass | null {
  switch (type) {
    case 'invention':
    case 'defensePatent':
    case 'plantVariety':
    case 'nationalCropVariety':
    case 'nationalNewDrug':
    case 'tcmProtectedGrade1':
    case 'icLayoutDesign':
      return 'I'
    case 'utilityModel':
    case 'design':
    case 'softwareCopyright':
      return 'II'
    case 'trademark':
    case 'other':
      return null
  }
}

/** The spec's `status` of an IP item: only `granted` counts. */
export const IP_LEGAL_STATUSES = ['granted', 'pending', 'expired', 'invalid'] as const
export type IpLegalStatus = (typeof IP_LEGAL_STATUSES)[number]
export const IP_LEGAL_STATUS_LABELS: Record<IpLegalStatus, string> = {
  granted: '有效（已授权）',
  pending: '申请中',
  expired: '已失效（期满或未缴费）',
  invalid: '已无效或驳回',
}

export const PROJECT_KINDS = ['technical_renovation', 'investment_attraction', 'science_program'] as const
export type ProjectKind = (typeof PROJECT_KINDS)[number]
export const PROJECT_KIND_LABELS: Record<ProjectKind, string> = {
  technical_renovation: '技术改造项目',
  investment_attraction: '科技招商项目',
  science_program: '科技计划项目',
}

export const PROJECT_STATUSES = ['planned', 'signed', 'in_progress', 'completed', 'terminated'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: '谋划中',
  signed: '已签约',
  in_progress: '在建/在研',
  completed: '已完成/已验收',
  terminated: '已终止',
}

export const TALENT_KINDS = ['rd_talent', 'leading_talent', 'technology_commissioner', 'expert'] as const
export type TalentKind = (typeof TALENT_KINDS)[number]
export const TALENT_KIND_LABELS: Record<TalentKind, string> = {
  rd_talent: '研发人才',
  leading_talent: '高层次人才',
  technology_commissioner: '科技特派员',
  expert: '专家',
}

export const INSTITUTION_TYPES = ['university', 'college', 'research_institute', 'training', 'other'] as const
export type InstitutionType = (typeof INSTITUTION_TYPES)[number]
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = {
  university: '高校',
  college: '高校学院',
  research_institute: '科研院所',
  training: '培训机构',
  other: '其他机构',
}

/**
 * The yearly figures of an enterprise (the 信息表 of the 科技型中小企业 and 高企 filings). Money in 万元, people
 * as head counts; the keys match the M3 rule inputs so the register feeds them directly.
 */
export const ENTERPRISE_YEAR_FIELDS = [
  'employeeCount',
  'techStaffCount',
  'rdStaffCount',
  'salesRevenueWanYuan',
  'operatingRevenueWanYuan',
  'totalIncomeWanYuan',
  'costExpenseTotalWanYuan',
  'rdExpenseWanYuan',
  'rdExpenseDomesticWanYuan',
  'totalAssetsWanYuan',
  'netAssetsWanYuan',
  'hiTechRevenueWanYuan',
  'profitWanYuan',
  'taxWanYuan',
] as const
export type EnterpriseYearField = (typeof ENTERPRISE_YEAR_FIELDS)[number]
export const ENTERPRISE_YEAR_FIELD_LABELS: Record<EnterpriseYearField, string> = {
  employeeCount: '职工总数（人）',
  techStaffCount: '科技人员数（人）',
  rdStaffCount: '研发人员数（人）',
  salesRevenueWanYuan: '销售收入（万元）',
  operatingRevenueWanYuan: '营业收入（万元）',
  totalIncomeWanYuan: '总收入（万元）',
  costExpenseTotalWanYuan: '成本费用总额（万元）',
  rdExpenseWanYuan: '研发费用总额（万元）',
  rdExpenseDomesticWanYuan: '境内研发费用（万元）',
  totalAssetsWanYuan: '资产总额（万元）',
  netAssetsWanYuan: '净资产（万元）',
  hiTechRevenueWanYuan: '高新技术产品（服务）收入（万元）',
  profitWanYuan: '利润总额（万元）',
  taxWanYuan: '税金（万元）',
}

/** The five 库 of 五库联通 and what each one lists. */
export const LIBRARIES = [
  'hnte_reserve',
  'tech_enterprise_incubation',
  'investment_projects',
  'rd_talents',
  'platform_reserve',
] as const
export type Library = (typeof LIBRARIES)[number]
export type LibraryMemberKind = 'enterprise' | 'project' | 'talent' | 'platform'
export const LIBRARY_LABELS: Record<Library, string> = {
  hnte_reserve: '高企后备库',
  tech_enterprise_incubation: '科技型企业培育库',
  investment_projects: '科技招商项目库',
  rd_talents: '研发人才库',
  platform_reserve: '创新平台后备库',
}
export const LIBRARY_MEMBER_KINDS: Record<Library, LibraryMemberKind> = {
  hnte_reserve: 'enterprise',
  tech_enterprise_incubation: 'enterprise',
  investment_projects: 'project',
  rd_talents: 'talent',
  platform_reserve: 'platform',
}

/** The 梯次培育 ladder, lowest step first. */
export const LADDER_STEPS = [
  'startup',
  'tsme',
  'hnte_reserve',
  'hnte',
  'gazelle_or_little_giant',
  'leader',
] as const
export type LadderStep = (typeof LADDER_STEPS)[number]
export const LADDER_STEP_LABELS: Record<LadderStep, string> = {
  startup: '初创企业',
  tsme: '科技型中小企业',
  hnte_reserve: '高企后备',
  hnte: '高新技术企业',
  gazelle_or_little_giant: '瞪羚/小巨人',
  leader: '创新型领军企业',
}

/** Where a fact came from: a source document of the seed, an imported list, a person, or the synthetic generator. */
export const FACT_SOURCE_KINDS = ['document', 'import', 'manual', 'synthetic'] as const
export type FactSourceKind = (typeof FACT_SOURCE_KINDS)[number]
export interface FactSource {
  kind: FactSourceKind
  /** Document file name (seed) or the imported file's name. */
  doc?: string
  /** Section heading / table caption (seed) or the row number in the imported file. */
  ref?: string
  importId?: string
  /** The sentence the fact was taken from, as written. */
  text?: string
}
