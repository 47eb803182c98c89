import type { PlatformLevel, PlatformType, QualificationType } from '../register-vocabulary'

/**
 * Figures of the registers offered to M1 as an indicator's computed value (PRODUCT.md M1 "computed from the
 * registers", M5 "contract totals become a computed source"; indicators.register_metric names one). Every figure
 * is taken for the year over the region's org-unit subtree:
 * - `qualification`: enterprises (clusters, by the region of the enterprise) holding a valid `held`
 *   qualification of one of `types` on 31 Dec (qualification-validity.ts);
 * - `platform`: platforms of one of `types`, built (建成), at one of `levels`, approved on or before 31 Dec
 *   (or with no approval date), by the platform's region;
 * - `contract_amount`: the amounts of the live registered 技术合同 signed in the year, by the registering region,
 *   in the indicator's unit (`wanYuanPerUnit` 万元 make one unit: 10 000 for 亿元).
 */
export type RegisterMetricCount =
  | { kind: 'qualification'; types: readonly QualificationType[] }
  | { kind: 'platform'; types: readonly PlatformType[]; levels: readonly PlatformLevel[] }
  | { kind: 'contract_amount'; wanYuanPerUnit: number }

/** The registers a computed value comes from, as named beside it. */
export type RegisterMetricSource = '创新主体库' | '技术合同登记'

export interface RegisterMetricDefinition {
  label: string
  unit: string
  count: RegisterMetricCount
  source: RegisterMetricSource
  /** How it is counted, in the words shown to users. */
  description: string
}

const PROVINCIAL_OR_ABOVE: readonly PlatformLevel[] = ['provincial', 'national']

export const REGISTER_METRICS = {
  hnte_count: {
    label: '高新技术企业数',
    unit: '家',
    count: { kind: 'qualification', types: ['hnte'] },
    source: '创新主体库',
    description: '年末（12月31日）持有有效高新技术企业证书的企业数，按企业所在地统计本级及下级',
  },
  tsme_count: {
    label: '科技型中小企业数',
    unit: '家',
    count: { kind: 'qualification', types: ['tsme'] },
    source: '创新主体库',
    description: '当年入库登记有效的科技型中小企业数，按企业所在地统计本级及下级',
  },
  provincial_key_laboratory_count: {
    label: '省级以上重点实验室数',
    unit: '个',
    count: { kind: 'platform', types: ['key_laboratory'], levels: PROVINCIAL_OR_ABOVE },
    source: '创新主体库',
    description: '年末已建成的省级、国家级重点实验室数',
  },
  provincial_eng_tech_center_count: {
    label: '省级以上工程技术研究中心数',
    unit: '个',
    count: { kind: 'platform', types: ['engineering_technology_center'], levels: PROVINCIAL_OR_ABOVE },
    source: '创新主体库',
    description: '年末已建成的省级、国家级工程技术研究中心数',
  },
  provincial_innovation_platform_count: {
    label: '省级以上创新平台数',
    unit: '家',
    count: {
      kind: 'platform',
      types: ['key_laboratory', 'technology_innovation_center'],
      levels: PROVINCIAL_OR_ABOVE,
    },
    source: '创新主体库',
    description: '年末已建成的省级、国家级重点实验室和技术创新中心数',
  },
  provincial_new_rd_institution_count: {
    label: '省级以上新型研发机构数',
    unit: '家',
    count: { kind: 'platform', types: ['new_rd_institution'], levels: PROVINCIAL_OR_ABOVE },
    source: '创新主体库',
    description: '年末已建成的省级、国家级新型研发机构数',
  },
  provincial_incubation_carrier_count: {
    label: '省级以上科技企业孵化器、众创空间、星创天地数',
    unit: '家',
    count: {
      kind: 'platform',
      types: ['incubator', 'maker_space', 'star_innovation_base'],
      levels: PROVINCIAL_OR_ABOVE,
    },
    source: '创新主体库',
    description: '年末已建成的省级、国家级科技企业孵化器、众创空间和星创天地数',
  },
  provincial_tech_transfer_count: {
    label: '省级以上技术转移示范机构数',
    unit: '家',
    count: { kind: 'platform', types: ['technology_transfer_institution'], levels: PROVINCIAL_OR_ABOVE },
    source: '创新主体库',
    description: '年末已建成的省级、国家级技术转移示范机构数',
  },
  tech_contract_amount_100m: {
    label: '技术合同成交额',
    unit: '亿元',
    count: { kind: 'contract_amount', wanYuanPerUnit: 10_000 },
    source: '技术合同登记',
    description: '签订日期在当年的已登记技术合同成交金额合计（亿元），按合同登记地区统计本级及下级',
  },
  tech_contract_amount_10k: {
    label: '技术合同成交额',
    unit: '万元',
    count: { kind: 'contract_amount', wanYuanPerUnit: 1 },
    source: '技术合同登记',
    description: '签订日期在当年的已登记技术合同成交金额合计（万元），按合同登记地区统计本级及下级',
  },
} as const satisfies Record<string, RegisterMetricDefinition>

export type RegisterMetric = keyof typeof REGISTER_METRICS
/** Length of the indicators.register_metric column: every key fits it (register-metrics.test.ts). */
export const REGISTER_METRIC_KEY_MAX_LENGTH = 40
export const REGISTER_METRIC_KEYS = Object.keys(REGISTER_METRICS) as RegisterMetric[]

export function isRegisterMetric(value: string): value is RegisterMetric {
  return Object.hasOwn(REGISTER_METRICS, value)
}

/** The note saved with an adopted value and shown beside it ("由技术合同登记计算"). */
export const registerValueNote = (source: RegisterMetricSource) => `由${source}计算`
