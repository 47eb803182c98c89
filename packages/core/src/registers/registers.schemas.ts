import { z } from 'zod'
import { trimmedText } from '../validation/common-fields'
import { validateCreditCode } from './credit-code'

/**
 * Schemas of the M2 linking inputs (PRODUCT.md M2): the 统一社会信用代码 for every entry point, enterprises of the
 * register as the linker sees them, incoming records from imported lists, and review judgements.
 */

/**
 * A 统一社会信用代码 as typed or imported. Every problem of `validateCreditCode` becomes an issue in Chinese with
 * the suggested fix appended; full-width or lowercase input is refused, not silently converted.
 */
export const CreditCode = z
  .string({ error: '统一社会信用代码必须是文本' })
  .trim()
  .superRefine((value, ctx) => {
    const result = validateCreditCode(value)
    if (result.isValid) return
    const fix = result.suggestion === null ? '' : `；可改为 ${result.suggestion}`
    for (const problem of result.problems) {
      ctx.addIssue({ code: 'custom', message: `${problem.message}${fix}`, input: value })
    }
  })

export const ENTERPRISE_NAME_MAX_LENGTH = 200
export const PERSON_NAME_MAX_LENGTH = 50

/** 行政区划代码 (GB/T 2260): six digits; a city-level code ends in 00, a province-level one in 0000. */
export const RegionCode = z.string().regex(/^\d{6}$/, { error: '行政区划代码应为 6 位数字' })

const IsoDate = z.iso.date({ error: '日期应为 YYYY-MM-DD 格式' })

/** A 曾用名 with the period it was in use; either end may be unknown. */
export const FormerName = z
  .strictObject({
    name: trimmedText('曾用名', ENTERPRISE_NAME_MAX_LENGTH),
    validFrom: IsoDate.nullable(),
    validTo: IsoDate.nullable(),
  })
  .refine((f) => f.validFrom === null || f.validTo === null || f.validFrom <= f.validTo, {
    error: '曾用名的起始日期不能晚于终止日期',
    path: ['validTo'],
  })
export type FormerName = z.infer<typeof FormerName>

const linkingFields = {
  name: trimmedText('企业名称', ENTERPRISE_NAME_MAX_LENGTH),
  regionCode: RegionCode.nullable().optional(),
  /** 简称 and other written forms. */
  aliases: z.array(trimmedText('简称', ENTERPRISE_NAME_MAX_LENGTH)).optional(),
  formerNames: z.array(FormerName).optional(),
  /** 法定代表人. */
  legalRepresentative: trimmedText('法定代表人', PERSON_NAME_MAX_LENGTH).nullable().optional(),
}

/** An enterprise of the register (a canonical record) as the linker needs it. */
export const CanonicalEnterprise = z.strictObject({
  id: z.string().min(1),
  ...linkingFields,
  creditCode: CreditCode.nullable().optional(),
})
export type CanonicalEnterprise = z.infer<typeof CanonicalEnterprise>

/**
 * A record of an imported list (高企名单, patents, projects …) to attach to an enterprise. Its credit code is kept
 * as written: an invalid one is reported by the import and ignored by the linker, not a reason to drop the row.
 */
export const IncomingEnterpriseRecord = z.strictObject({
  ...linkingFields,
  creditCode: z.string().nullable().optional(),
  /** The date the list speaks of (e.g. 认定日期); decides whether a 曾用名 was in use then. */
  asOfDate: IsoDate.nullable().optional(),
})
export type IncomingEnterpriseRecord = z.infer<typeof IncomingEnterpriseRecord>

/** A reviewer's decision on a pair (nomenklatura's judgements); UNSURE keeps the pair out of the queue for now. */
export const JUDGEMENT_KINDS = ['POSITIVE', 'NEGATIVE', 'UNSURE'] as const
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number]
export const JUDGEMENT_LABELS: Record<JudgementKind, string> = {
  POSITIVE: '是同一主体',
  NEGATIVE: '不是同一主体',
  UNSURE: '无法确定',
}

/** One judgement edge between two record ids. Undone by setting `deletedAt`, never by deleting the row. */
export const Judgement = z.strictObject({
  left: z.string().min(1),
  right: z.string().min(1),
  judgement: z.enum(JUDGEMENT_KINDS),
  /** The linker's probability when the pair was judged, for later calibration; null for manual pairs. */
  score: z.number().min(0).max(1).nullable(),
  userId: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  deletedAt: z.iso.datetime({ offset: true }).nullable(),
})
export type Judgement = z.infer<typeof Judgement>
