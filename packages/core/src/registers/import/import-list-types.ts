import {
  ENTERPRISE_YEAR_FIELD_LABELS,
  ENTERPRISE_YEAR_FIELDS,
  type EnterpriseYearField,
} from '../register-vocabulary'

/**
 * The lists a bureau receives and imports into the register (PRODUCT.md M2 "Bulk Excel/CSV import"): each with its
 * columns, the header written on the official list and the other names seen in practice, so a file's header row
 * can be matched without the user mapping every column by hand (react-spreadsheet-import's alternate names).
 */
export const REGISTER_LIST_TYPES = ['hnte', 'tsme', 'patents', 'platforms', 'enterprise_years'] as const
export type RegisterListType = (typeof REGISTER_LIST_TYPES)[number]
export const REGISTER_LIST_TYPE_LABELS: Record<RegisterListType, string> = {
  hnte: '高企名单',
  tsme: '科技型中小企业入库名单',
  patents: '专利清单',
  platforms: '创新平台名单',
  enterprise_years: '企业年度数据',
}

/** How a cell is read and checked (see `validate-import-row.ts`). */
export type ImportCellKind =
  | 'text'
  | 'credit_code'
  | 'date'
  | 'year'
  | 'count'
  | 'amount'
  | 'region'
  | 'ip_type'
  | 'ip_legal_status'
  | 'platform_type'
  | 'platform_level'
  | 'platform_status'

export interface ImportColumn {
  key: string
  /** The header of the official list, shown in the mapping step and written in exports. */
  header: string
  /** Other headers meaning the same column, compared after normalisation (`normalizeHeader`). */
  alternateHeaders: readonly string[]
  isRequired: boolean
  kind: ImportCellKind
}

export const IMPORT_TEXT_MAX_LENGTH = 200

const column = (
  key: string,
  header: string,
  kind: ImportCellKind,
  isRequired: boolean,
  alternateHeaders: readonly string[] = [],
): ImportColumn => ({ key, header, kind, isRequired, alternateHeaders })

const enterpriseName = column('name', '企业名称', 'text', true, ['单位名称', '企业全称', '公司名称', '名称'])
const creditCode = column('creditCode', '统一社会信用代码', 'credit_code', false, [
  '信用代码',
  '社会信用代码',
  '统一代码',
  '组织机构代码',
])
const region = column('region', '所属地区', 'region', false, [
  '地区',
  '所在地区',
  '县市区',
  '区县',
  '所属区县',
])

// Alternate headers of the yearly figures: the wording of the 信息表 without units, and common short forms.
const YEAR_FIELD_ALTERNATES: Record<EnterpriseYearField, readonly string[]> = {
  employeeCount: ['职工总数', '从业人员', '从业人数', '职工人数'],
  techStaffCount: ['科技人员', '科技人员数', '科技人员人数'],
  rdStaffCount: ['研发人员', '研发人员数'],
  salesRevenueWanYuan: ['销售收入', '销售收入（万元）'],
  operatingRevenueWanYuan: ['营业收入'],
  totalIncomeWanYuan: ['总收入'],
  costExpenseTotalWanYuan: ['成本费用', '成本费用总额'],
  rdExpenseWanYuan: ['研发费用', '研发费用总额', '研究开发费用'],
  rdExpenseDomesticWanYuan: ['境内研发费用', '境内研究开发费用'],
  totalAssetsWanYuan: ['资产总额', '总资产'],
  netAssetsWanYuan: ['净资产'],
  hiTechRevenueWanYuan: ['高新技术产品收入', '高品收入', '高新技术产品（服务）收入'],
  profitWanYuan: ['利润总额', '利润'],
  taxWanYuan: ['税金', '上缴税金', '纳税额'],
}

const COUNT_FIELDS: ReadonlySet<EnterpriseYearField> = new Set([
  'employeeCount',
  'techStaffCount',
  'rdStaffCount',
])

export const IMPORT_COLUMNS: Record<RegisterListType, readonly ImportColumn[]> = {
  hnte: [
    enterpriseName,
    creditCode,
    column('certificateNumber', '证书编号', 'text', true, ['高企证书编号', '证书号', '高新技术企业证书编号']),
    column('validFrom', '发证日期', 'date', true, ['认定日期', '发证时间', '认定时间', '批准日期']),
    column('validTo', '有效期至', 'date', false, ['有效期', '有效期截止', '截止日期', '到期日期']),
    region,
  ],
  tsme: [
    enterpriseName,
    creditCode,
    column('registrationNumber', '入库登记编号', 'text', true, ['登记编号', '入库编号', '编号']),
    column('year', '年度', 'year', true, ['入库年度', '评价年度', '年份']),
    region,
  ],
  patents: [
    column('number', '专利号', 'text', true, ['申请号', '专利申请号', '专利号/申请号']),
    column('title', '专利名称', 'text', true, ['名称', '发明名称', '发明创造名称']),
    column('ipType', '专利类型', 'ip_type', true, ['类型', '专利种类']),
    column('appliedOn', '申请日', 'date', false, ['申请日期']),
    column('grantedOn', '授权日', 'date', false, ['授权日期', '授权公告日']),
    column('legalStatus', '法律状态', 'ip_legal_status', true, ['状态', '当前状态']),
    column('applicantName', '专利权人', 'text', true, [
      '申请人',
      '权利人',
      '申请（专利权）人',
      '专利权人名称',
    ]),
  ],
  platforms: [
    column('name', '平台名称', 'text', true, ['名称', '创新平台名称']),
    column('platformType', '平台类型', 'platform_type', true, ['类型', '类别']),
    column('level', '级别', 'platform_level', true, ['平台级别', '层级']),
    column('status', '状态', 'platform_status', false, ['建设状态']),
    column('hostName', '依托单位', 'text', true, ['依托单位名称', '建设单位', '承建单位']),
    column('approvedOn', '认定日期', 'date', false, ['批准日期', '认定时间', '获批日期']),
  ],
  enterprise_years: [
    enterpriseName,
    {
      ...creditCode,
      header: '信用代码',
      alternateHeaders: ['统一社会信用代码', ...creditCode.alternateHeaders],
    },
    column('year', '年度', 'year', true, ['年份', '统计年度']),
    // The enterprise's founding date rides along (信息表 carry it): 高企 pre-assessment needs it (注册成立满一年).
    column('foundedOn', '成立日期', 'date', false, ['注册日期', '成立时间', '注册成立日期', '设立日期']),
    ...ENTERPRISE_YEAR_FIELDS.map((field) =>
      column(
        field,
        ENTERPRISE_YEAR_FIELD_LABELS[field],
        COUNT_FIELDS.has(field) ? 'count' : 'amount',
        false,
        YEAR_FIELD_ALTERNATES[field],
      ),
    ),
  ],
}

/** 高企 certificates run three years (《高新技术企业认定管理办法》第十条): valid to the day before the third anniversary. */
export const HNTE_VALIDITY_YEARS = 3
