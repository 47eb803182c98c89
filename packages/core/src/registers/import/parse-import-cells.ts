import {
  IP_TYPE_LABELS,
  IP_TYPES,
  type IpLegalStatus,
  type IpType,
  PLATFORM_TYPE_LABELS,
  PLATFORM_TYPES,
  type PlatformLevel,
  type PlatformStatus,
  type PlatformType,
} from '../register-vocabulary'

/**
 * Readers of the cell kinds of imported lists. Each returns the value or a Chinese sentence saying what is wrong
 * and how to write it; the row validator adds the column. Cells arrive as text (the server turns Excel dates into
 * YYYY-MM-DD and numbers into their decimal text).
 */
export type CellReading<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): CellReading<T> => ({ ok: true, value })
const fail = <T>(message: string): CellReading<T> => ({ ok: false, message })

export const MIN_IMPORT_YEAR = 1949
export const MAX_IMPORT_YEAR = 2100

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
]

/** YYYY-MM-DD from the ways lists write a date (2024-12-31, 2024/12/31, 2024.12.31, 2024年12月31日, 20241231). */
export function readImportDate(text: string, header: string): CellReading<string> {
  const trimmed = text.normalize('NFKC').trim()
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(trimmed)
    if (!match) continue
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day &&
      year >= MIN_IMPORT_YEAR &&
      year <= MAX_IMPORT_YEAR
    ) {
      return ok(date.toISOString().slice(0, 10))
    }
    return fail(`${header}“${text}”不是有效的日期`)
  }
  return fail(`${header}“${text}”不是可识别的日期，请写成 2024-12-31 的格式`)
}

/** The day before the same date `years` later: a validity of whole years (2023-11-20 + 3 → 2026-11-19). */
export function addYearsMinusOneDay(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year + years, month - 1, day))
  // 29 February plus whole years lands on 1 March when the target year is not leap: keep the month's end.
  if (date.getUTCMonth() !== month - 1) date.setUTCDate(0)
  else date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

export function readImportYear(text: string, header: string): CellReading<number> {
  const trimmed = text
    .normalize('NFKC')
    .trim()
    .replace(/年度?$/, '')
  if (!/^\d{4}$/.test(trimmed)) return fail(`${header}“${text}”应为四位年份，如 2024`)
  const year = Number(trimmed)
  if (year < MIN_IMPORT_YEAR || year > MAX_IMPORT_YEAR)
    return fail(`${header}“${text}”应在 ${MIN_IMPORT_YEAR}—${MAX_IMPORT_YEAR} 年之间`)
  return ok(year)
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** A number as lists write it: thousands separators allowed, full-width digits folded. */
export function readImportNumber(
  text: string,
  header: string,
  { isInteger, mayBeNegative }: { isInteger: boolean; mayBeNegative: boolean },
): CellReading<number> {
  const cleaned = text.normalize('NFKC').trim().replace(/,/g, '')
  if (!NUMBER_TEXT.test(cleaned)) return fail(`${header}“${text}”应为数字`)
  const value = Number(cleaned)
  if (!mayBeNegative && value < 0) return fail(`${header}不能为负数（文件中为 ${text}）`)
  if (isInteger && !Number.isInteger(value)) return fail(`${header}应为整数（文件中为 ${text}）`)
  return ok(value)
}

// Written forms of IP types beyond the vocabulary's labels; matched after removing spaces.
const IP_TYPE_WORDS: readonly [string, IpType][] = [
  ...IP_TYPES.map((type) => [IP_TYPE_LABELS[type], type] as [string, IpType]),
  ['发明', 'invention'],
  ['发明授权', 'invention'],
  ['发明申请', 'invention'],
  ['实用新型', 'utilityModel'],
  ['外观设计', 'design'],
  ['外观', 'design'],
  ['软著', 'softwareCopyright'],
  ['计算机软件著作权', 'softwareCopyright'],
  ['集成电路布图设计', 'icLayoutDesign'],
]

export function readIpType(text: string, header: string): CellReading<IpType> {
  const word = text.normalize('NFKC').replace(/\s/g, '')
  const found = IP_TYPE_WORDS.find(([written]) => written === word)
  return found ? ok(found[1]) : fail(`${header}“${text}”无法识别，应为发明专利、实用新型专利、外观设计专利等`)
}

const LEGAL_STATUS_WORDS: readonly [readonly string[], IpLegalStatus][] = [
  [['有效', '授权', '已授权', '有权', '专利权维持', '有效（已授权）'], 'granted'],
  [['审中', '申请中', '实审', '实质审查', '公开', '待审'], 'pending'],
  [['失效', '已失效', '期满', '期限届满', '未缴年费', '未缴费', '终止', '权利终止'], 'expired'],
  [['无效', '已无效', '驳回', '被驳回', '撤回', '视为撤回', '放弃'], 'invalid'],
]

export function readIpLegalStatus(text: string, header: string): CellReading<IpLegalStatus> {
  const word = text.normalize('NFKC').replace(/\s/g, '')
  const found = LEGAL_STATUS_WORDS.find(([words]) => words.includes(word))
  return found ? ok(found[1]) : fail(`${header}“${text}”无法识别，应为有效、审中、失效或无效`)
}

// Longest labels first, so 工程技术研究中心 is not read as 工程研究中心 and 省级企业技术中心 finds 企业技术中心.
const PLATFORM_TYPE_WORDS: [string, PlatformType][] = [
  ...PLATFORM_TYPES.filter((t) => t !== 'other').map((type): [string, PlatformType] => [
    PLATFORM_TYPE_LABELS[type],
    type,
  ]),
  ['孵化器', 'incubator'],
  ['院士工作站', 'academician_workstation'],
  ['专家工作站', 'academician_workstation'],
  ['技术转移机构', 'technology_transfer_institution'],
  ['研究院', 'industrial_technology_institute'],
]
PLATFORM_TYPE_WORDS.sort((a, b) => b[0].length - a[0].length)

export function readPlatformType(text: string, header: string): CellReading<PlatformType> {
  const word = text.normalize('NFKC').replace(/\s/g, '')
  if (word === PLATFORM_TYPE_LABELS.other) return ok('other')
  const found = PLATFORM_TYPE_WORDS.find(([written]) => word.includes(written))
  return found
    ? ok(found[1])
    : fail(`${header}“${text}”无法识别，应为重点实验室、企业技术中心、众创空间等平台类型`)
}

export function readPlatformLevel(text: string, header: string): CellReading<PlatformLevel> {
  const word = text.normalize('NFKC').replace(/\s/g, '')
  if (/^国家/.test(word)) return ok('national')
  if (/^省/.test(word)) return ok('provincial')
  if (/^市/.test(word)) return ok('municipal')
  return fail(`${header}“${text}”应为国家级、省级或市级`)
}

export function readPlatformStatus(text: string, header: string): CellReading<PlatformStatus> {
  const word = text.normalize('NFKC').replace(/\s/g, '')
  if (['建成', '已建成', '认定', '已认定', '运行'].includes(word)) return ok('built')
  if (['争创', '在建', '培育', '筹建'].includes(word)) return ok('striving')
  return fail(`${header}“${text}”应为建成或争创`)
}

/** Place names as compared: NFKC, no spaces. */
export function normalizeRegionName(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '')
}
