import type { PlatformType, ProjectKind, TalentKind } from '../register-vocabulary'

/**
 * SYNTHETIC. What the demo register's enterprises do: each 行业 word of synthetic-vocabulary.ts with a GB/T 4754-2017
 * code (门类 letter, or 2–4 digits where the word says that much), that code's name, the 主导产业 tag of 大冶's
 * "4+1" industries where it belongs to one, and whether its firms do R&D (they get the 科技 qualifications,
 * IP and platforms).
 */
export interface SyntheticIndustry {
  code: string
  codeName: string
  leadingIndustry: string | null
  isTechIntensive: boolean
  /** Manufacturing (门类 C): counts towards 规模以上工业企业 at 2000 万元 of revenue. */
  isIndustrial: boolean
}

const industry = (
  code: string,
  codeName: string,
  leadingIndustry: string | null,
  isTechIntensive: boolean,
  isIndustrial: boolean,
): SyntheticIndustry => ({ code, codeName, leadingIndustry, isTechIntensive, isIndustrial })

export const SYNTHETIC_INDUSTRY_CODES: Readonly<Record<string, SyntheticIndustry>> = {
  科技: industry('75', '科技推广和应用服务业', null, true, false),
  新材料科技: industry('7513', '新材料技术推广服务', '新材料', true, false),
  电子科技: industry('39', '计算机、通信和其他电子设备制造业', '电子信息', true, true),
  机械制造: industry('34', '通用设备制造业', '智能装备制造', true, true),
  智能装备: industry('3491', '工业机器人制造', '智能装备制造', true, true),
  生物医药: industry('27', '医药制造业', '生命健康', true, true),
  环保科技: industry('772', '环境治理业', '节能环保', true, false),
  建材: industry('30', '非金属矿物制品业', '新材料', false, true),
  铝业: industry('3252', '铝压延加工', '新材料', true, true),
  纺织: industry('17', '纺织业', '纺织服装', false, true),
  食品: industry('14', '食品制造业', null, false, true),
  农业科技: industry('7511', '农林牧渔技术推广服务', '现代农业', true, false),
  生态农业: industry('01', '农业', '现代农业', false, false),
  包装: industry('2231', '纸和纸板容器制造', null, false, true),
  光电科技: industry('3976', '光电子器件制造', '电子信息', true, true),
  汽车零部件: industry('3670', '汽车零部件及配件制造', '智能装备制造', true, true),
  精密机械: industry('3484', '机械零部件加工', '智能装备制造', true, true),
  化工: industry('26', '化学原料和化学制品制造业', null, false, true),
  新能源科技: industry('3841', '锂离子电池制造', '新材料', true, true),
  物流: industry('G', '交通运输、仓储和邮政业', null, false, false),
  商贸: industry('F', '批发和零售业', null, false, false),
  建设工程: industry('E', '建筑业', null, false, false),
  实业: industry('C', '制造业', null, false, true),
  信息技术: industry('65', '软件和信息技术服务业', '电子信息', true, false),
  医疗器械: industry('358', '医疗仪器设备及器械制造', '生命健康', true, true),
  电气: industry('38', '电气机械和器材制造业', '智能装备制造', true, true),
  铸造: industry('3391', '黑色金属铸造', '智能装备制造', false, true),
  矿业: industry('09', '有色金属矿采选业', null, false, false),
  水泥: industry('3011', '水泥制造', '新材料', false, true),
  服饰: industry('1810', '机织服装制造', '纺织服装', false, true),
  网络科技: industry('64', '互联网和相关服务', '电子信息', true, false),
  软件: industry('6513', '应用软件开发', '电子信息', true, false),
  检测: industry('7452', '检测服务', null, true, false),
  环境科技: industry('77', '生态保护和环境治理业', '节能环保', true, false),
  电力: industry('44', '电力、热力生产和供应业', null, false, false),
  贸易: industry('F', '批发和零售业', null, false, false),
  置业: industry('7010', '房地产开发经营', null, false, false),
  投资: industry('7212', '投资与资产管理', null, false, false),
  餐饮: industry('H', '住宿和餐饮业', null, false, false),
  酒业: industry('1512', '白酒制造', '生命健康', false, true),
  药业: industry('2740', '中成药生产', '生命健康', true, true),
  机电: industry('34', '通用设备制造业', '智能装备制造', true, true),
  模具: industry('3525', '模具制造', '智能装备制造', true, true),
  五金: industry('33', '金属制品业', null, false, true),
  家具: industry('21', '家具制造业', null, false, true),
  印刷: industry('2319', '包装装潢及其他印刷', null, false, true),
  纸业: industry('2221', '机制纸及纸板制造', null, false, true),
  钢构: industry('3311', '金属结构制造', null, false, true),
  管业: industry('2922', '塑料板、管、型材制造', null, false, true),
  线缆: industry('3831', '电线、电缆制造', '智能装备制造', true, true),
  陶瓷: industry('307', '陶瓷制品制造', null, false, true),
  塑业: industry('292', '塑料制品业', null, false, true),
  养殖: industry('03', '畜牧业', '现代农业', false, false),
  茶业: industry('1530', '精制茶加工', '现代农业', false, true),
  粮油: industry('1331', '食用植物油加工', '现代农业', false, true),
  旅游: industry('727', '旅行社及相关服务', null, false, false),
  文化传媒: industry('R', '文化、体育和娱乐业', null, false, false),
  教育咨询: industry('P', '教育', null, false, false),
  人力资源: industry('726', '人力资源服务', null, false, false),
  供应链管理: industry('L', '租赁和商务服务业', null, false, false),
  电子商务: industry('5292', '互联网零售', null, false, false),
}

/** Objects of invention and utility-model titles (一种 + adjective + object + suffix). */
export const PATENT_OBJECTS = [
  '换热器',
  '铝合金型材',
  '铜箔',
  '模具',
  '输送装置',
  '检测装置',
  '控制系统',
  '冷却装置',
  '除尘设备',
  '破碎机',
  '夹具',
  '传感器',
  '电路板',
  '复合材料',
  '涂层',
  '包装箱',
  '过滤器',
  '阀门',
  '电机',
  '减速器',
  '芳香油提取装置',
  '中药提取物',
  '纺织面料',
  '保温材料',
  '锂电池正极材料',
  '光纤连接器',
  '焊接机器人',
  '机械手',
  '仓储货架',
  '水处理装置',
] as const

export const PATENT_ADJECTIVES = [
  '高效',
  '节能型',
  '智能',
  '便于拆卸的',
  '自动化',
  '高强度',
  '耐腐蚀',
  '可调节',
  '低噪音',
  '多功能',
  '环保型',
  '高精度',
] as const

export const INVENTION_SUFFIXES = ['及其制备方法', '及其控制方法', '的加工工艺', '及其应用', ''] as const

/** 外观设计 titles: object + （use）. */
export const DESIGN_OBJECTS = [
  '包装盒',
  '控制面板',
  '酒瓶',
  '灯具',
  '工具箱',
  '显示屏',
  '茶叶罐',
  '座椅',
] as const

/** 软件著作权 titles: trade name + system + 软件 V1.0. */
export const SOFTWARE_SYSTEMS = [
  '生产管理系统',
  '设备远程监控平台',
  '仓储物流调度系统',
  '质量追溯系统',
  '能耗监测系统',
  '智能排产系统',
  '客户关系管理系统',
  '数据采集与分析平台',
] as const

/** Platform kinds enterprises host, with rough shares. */
export const SYNTHETIC_PLATFORM_TYPES: readonly (readonly [type: PlatformType, share: number])[] = [
  ['enterprise_technology_center', 25],
  ['engineering_technology_center', 20],
  ['enterprise_university_center', 12],
  ['maker_space', 7],
  ['incubator', 5],
  ['academician_workstation', 6],
  ['industrial_technology_institute', 5],
  ['key_laboratory', 4],
  ['technology_innovation_center', 4],
  ['star_innovation_base', 3],
  ['pilot_base', 3],
  ['new_rd_institution', 2],
  ['public_service_platform', 2],
  ['technology_transfer_institution', 2],
]

export const SYNTHETIC_PROJECT_KINDS: readonly (readonly [kind: ProjectKind, share: number])[] = [
  ['technical_renovation', 45],
  ['science_program', 35],
  ['investment_attraction', 20],
]

export const PROJECT_PRODUCTS = [
  '高端铝型材',
  '精密铜管',
  '智能换热设备',
  '新能源电池材料',
  '汽车零部件',
  '电子元器件',
  '绿色建材',
  '芳香植物精油',
  '功能性面料',
  '智能输送装备',
] as const

export const SCIENCE_TOPICS = [
  '高性能铜基材料制备',
  '铝渣资源化利用',
  '高效节能换热',
  '工业互联网平台',
  '芳香植物精深加工',
  '固废资源化',
  '智能仓储物流',
  '中药材规范化种植',
  '模具数字化设计',
  '锂电池回收',
] as const

export const SYNTHETIC_TALENT_KINDS: readonly (readonly [kind: TalentKind, share: number])[] = [
  ['rd_talent', 60],
  ['technology_commissioner', 20],
  ['leading_talent', 10],
  ['expert', 10],
]

export const TALENT_TITLES = ['助理工程师', '工程师', '高级工程师', '正高级工程师', '研究员', '教授'] as const
