import { validateCreditCode } from '../credit-code'
import {
  ENTERPRISE_YEAR_FIELDS,
  type EnterpriseYearField,
  type IpLegalStatus,
  type IpType,
  type PlatformLevel,
  type PlatformStatus,
  type PlatformType,
} from '../register-vocabulary'
import type { IncomingEnterpriseRecord } from '../registers.schemas'
import {
  HNTE_VALIDITY_YEARS,
  IMPORT_COLUMNS,
  IMPORT_TEXT_MAX_LENGTH,
  type ImportColumn,
  type RegisterListType,
} from './import-list-types'
import {
  addYearsMinusOneDay,
  type CellReading,
  normalizeRegionName,
  readImportDate,
  readImportNumber,
  readImportYear,
  readIpLegalStatus,
  readIpType,
  readPlatformLevel,
  readPlatformStatus,
  readPlatformType,
} from './parse-import-cells'

/** A place of the platform's org-unit tree that a list may name in 所属地区. */
export interface ImportRegion {
  orgUnitId: string
  name: string
  /** 行政区划代码 (six digits) when known. */
  regionCode: string | null
}

export interface ImportRowContext {
  /** Places the importing user may write to, by `normalizeRegionName` of their names and aliases. */
  regions: ReadonlyMap<string, ImportRegion>
}

export interface ImportCellError {
  /** Column key (see IMPORT_COLUMNS). */
  column: string
  message: string
}

interface EnterpriseFields {
  name: string
  creditCode: string | null
  region: ImportRegion | null
}

export type ImportRecord =
  | ({ listType: 'hnte'; certificateNumber: string; validFrom: string; validTo: string } & EnterpriseFields)
  | ({ listType: 'tsme'; registrationNumber: string; year: number } & EnterpriseFields)
  | {
      listType: 'patents'
      number: string
      title: string
      ipType: IpType
      appliedOn: string | null
      grantedOn: string | null
      legalStatus: IpLegalStatus
      applicantName: string
    }
  | {
      listType: 'platforms'
      name: string
      platformType: PlatformType
      level: PlatformLevel
      status: PlatformStatus
      hostName: string
      approvedOn: string | null
    }
  | ({
      listType: 'enterprise_years'
      year: number
      /** 成立日期, when the list gives it. */
      foundedOn: string | null
      figures: Partial<Record<EnterpriseYearField, number>>
    } & Omit<EnterpriseFields, 'region'>)

export interface ImportRowValidation {
  /** The row read into its typed record; null when any cell is wrong. */
  record: ImportRecord | null
  errors: ImportCellError[]
  /** What makes two rows of a file the same row, and the column a duplicate is reported on. */
  duplicateKey: { key: string; column: string } | null
  /** The enterprise the row speaks of, as the linker reads it; null when the row names none. */
  subject: IncomingEnterpriseRecord | null
}

/** Figures that may be below zero (a loss, negative equity); every other figure may not. */
const MAY_BE_NEGATIVE: ReadonlySet<EnterpriseYearField> = new Set(['profitWanYuan', 'netAssetsWanYuan'])

/** The text of a credit-code problem as an import shows it: each problem, then the suggested fix if any. */
export function describeCreditCodeProblems(text: string): string | null {
  const result = validateCreditCode(text)
  if (result.isValid) return null
  const fix = result.suggestion === null ? '' : `；可改为 ${result.suggestion}`
  return `${result.problems.map((p) => p.message).join('；')}${fix}`
}

function readCell(column: ImportColumn, text: string, context: ImportRowContext): CellReading<unknown> {
  const { header } = column
  switch (column.kind) {
    case 'text':
      return text.length > IMPORT_TEXT_MAX_LENGTH
        ? { ok: false, message: `${header}不能超过 ${IMPORT_TEXT_MAX_LENGTH} 个字符` }
        : { ok: true, value: text }
    case 'credit_code': {
      const problem = describeCreditCodeProblems(text)
      return problem === null ? { ok: true, value: text } : { ok: false, message: problem }
    }
    case 'date':
      return readImportDate(text, header)
    case 'year':
      return readImportYear(text, header)
    case 'count':
      return readImportNumber(text, header, { isInteger: true, mayBeNegative: false })
    case 'amount':
      return readImportNumber(text, header, {
        isInteger: false,
        mayBeNegative: MAY_BE_NEGATIVE.has(column.key as EnterpriseYearField),
      })
    case 'region': {
      const region = context.regions.get(normalizeRegionName(text))
      return region
        ? { ok: true, value: region }
        : { ok: false, message: `${header}“${text}”不是本平台的行政区划，或不在您的管辖范围内` }
    }
    case 'ip_type':
      return readIpType(text, header)
    case 'ip_legal_status':
      return readIpLegalStatus(text, header)
    case 'platform_type':
      return readPlatformType(text, header)
    case 'platform_level':
      return readPlatformLevel(text, header)
    case 'platform_status':
      return readPlatformStatus(text, header)
  }
}

/** One written name as rows compare it (full-width folded, no spaces). */
function nameIdentity(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '')
}

/**
 * Checks one row of a list: every cell by its column's kind, then the rules across cells (有效期至 after 发证日期,
 * 科技人员 not above 职工总数 …). Empty cells are null; a required column left empty is an error. Every problem is
 * listed, each on its column, in Chinese.
 */
export function validateImportRow(
  listType: RegisterListType,
  values: Readonly<Record<string, string | null | undefined>>,
  context: ImportRowContext,
): ImportRowValidation {
  const errors: ImportCellError[] = []
  const read: Record<string, unknown> = {}
  for (const column of IMPORT_COLUMNS[listType]) {
    const text = (values[column.key] ?? '').trim()
    if (text === '') {
      if (column.isRequired) errors.push({ column: column.key, message: `${column.header}不能为空` })
      read[column.key] = null
      continue
    }
    const reading = readCell(column, text, context)
    if (reading.ok) read[column.key] = reading.value
    else errors.push({ column: column.key, message: reading.message })
  }
  const fail = (column: string, message: string) => errors.push({ column, message })
  const has = (key: string) => read[key] !== undefined && read[key] !== null
  const text = (key: string) => read[key] as string
  const number = (key: string) => read[key] as number
  const optional = <T>(key: string) => (has(key) ? (read[key] as T) : null)

  let record: ImportRecord | null = null
  let subject: IncomingEnterpriseRecord | null = null
  let duplicateKey: ImportRowValidation['duplicateKey'] = null
  const enterpriseKey = () =>
    has('creditCode')
      ? { key: `code:${text('creditCode')}`, column: 'creditCode' }
      : has('name')
        ? { key: `name:${nameIdentity(text('name'))}`, column: 'name' }
        : null

  switch (listType) {
    case 'hnte': {
      const validFrom = optional<string>('validFrom')
      let validTo = optional<string>('validTo')
      if (validFrom !== null && validTo === null && !errors.some((e) => e.column === 'validTo'))
        validTo = addYearsMinusOneDay(validFrom, HNTE_VALIDITY_YEARS)
      if (validFrom !== null && validTo !== null && validTo < validFrom)
        fail('validTo', `有效期至 ${validTo} 早于发证日期 ${validFrom}`)
      // A certificate is issued once: a number twice in a list is a copied row or a typing error.
      if (has('certificateNumber'))
        duplicateKey = {
          key: `number:${nameIdentity(text('certificateNumber'))}`,
          column: 'certificateNumber',
        }
      if (errors.length === 0)
        record = {
          listType,
          name: text('name'),
          creditCode: optional('creditCode'),
          region: optional('region'),
          certificateNumber: text('certificateNumber'),
          validFrom: validFrom!,
          validTo: validTo!,
        }
      break
    }
    case 'tsme':
      if (has('registrationNumber'))
        duplicateKey = {
          key: `number:${nameIdentity(text('registrationNumber'))}`,
          column: 'registrationNumber',
        }
      if (errors.length === 0)
        record = {
          listType,
          name: text('name'),
          creditCode: optional('creditCode'),
          region: optional('region'),
          registrationNumber: text('registrationNumber'),
          year: number('year'),
        }
      break
    case 'patents': {
      const appliedOn = optional<string>('appliedOn')
      const grantedOn = optional<string>('grantedOn')
      if (appliedOn !== null && grantedOn !== null && grantedOn < appliedOn)
        fail('grantedOn', `授权日 ${grantedOn} 早于申请日 ${appliedOn}`)
      if (has('number')) duplicateKey = { key: `number:${nameIdentity(text('number'))}`, column: 'number' }
      if (errors.length === 0)
        record = {
          listType,
          number: text('number'),
          title: text('title'),
          ipType: read.ipType as IpType,
          appliedOn,
          grantedOn,
          legalStatus: read.legalStatus as IpLegalStatus,
          applicantName: text('applicantName'),
        }
      break
    }
    case 'platforms':
      if (has('name')) duplicateKey = { key: `name:${nameIdentity(text('name'))}`, column: 'name' }
      if (errors.length === 0)
        record = {
          listType,
          name: text('name'),
          platformType: read.platformType as PlatformType,
          level: read.level as PlatformLevel,
          status: optional<PlatformStatus>('status') ?? 'built',
          hostName: text('hostName'),
          approvedOn: optional('approvedOn'),
        }
      break
    case 'enterprise_years': {
      const employees = optional<number>('employeeCount')
      for (const field of ['techStaffCount', 'rdStaffCount'] as const) {
        const staff = optional<number>(field)
        if (employees !== null && staff !== null && staff > employees) {
          const label = field === 'techStaffCount' ? '科技人员数' : '研发人员数'
          fail(field, `${label}（${staff}）不能多于职工总数（${employees}）`)
        }
      }
      const identity = enterpriseKey()
      if (identity && has('year')) duplicateKey = { ...identity, key: `${identity.key}|${number('year')}` }
      if (errors.length === 0) {
        const figures: Partial<Record<EnterpriseYearField, number>> = {}
        for (const field of ENTERPRISE_YEAR_FIELDS) {
          const value = optional<number>(field)
          if (value !== null) figures[field] = value
        }
        record = {
          listType,
          name: text('name'),
          creditCode: optional('creditCode'),
          year: number('year'),
          foundedOn: optional('foundedOn'),
          figures,
        }
      }
      break
    }
  }
  if (record) subject = subjectOf(record)
  return { record, errors, duplicateKey, subject }
}

/** The enterprise a record speaks of, for the linker: the enterprise itself, a patent's 专利权人, a platform's host. */
export function subjectOf(record: ImportRecord): IncomingEnterpriseRecord {
  switch (record.listType) {
    case 'hnte':
      return {
        name: record.name,
        creditCode: record.creditCode,
        regionCode: record.region?.regionCode ?? null,
        asOfDate: record.validFrom,
      }
    case 'tsme':
      return {
        name: record.name,
        creditCode: record.creditCode,
        regionCode: record.region?.regionCode ?? null,
        asOfDate: `${record.year}-12-31`,
      }
    case 'patents':
      // Co-owned patents list every 专利权人; the first is the one the record attaches to.
      return { name: record.applicantName.split(/[;；、]/)[0]!.trim(), asOfDate: record.appliedOn }
    case 'platforms':
      return { name: record.hostName, asOfDate: record.approvedOn }
    case 'enterprise_years':
      return { name: record.name, creditCode: record.creditCode, asOfDate: `${record.year}-12-31` }
  }
}

/** The message of a row repeating an earlier one. */
export function duplicateRowMessage(firstRowNumber: number): string {
  return `与第 ${firstRowNumber} 行重复，同一条记录只能出现一次`
}
