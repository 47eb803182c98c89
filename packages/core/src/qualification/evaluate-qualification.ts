import { formatZodIssues } from '../validation/format-zod-issues'
import { qualificationErrors } from './qualification.errors'
import {
  QUALIFICATION_RULE_SETS,
  isRuleSetId,
  type QualificationInputs,
  type QualificationRuleSet,
} from './qualification-rule-sets'
import type { RuleSetId, Verdict } from './qualification-verdict'

export type InputValidation<Id extends RuleSetId> =
  | { success: true; input: QualificationInputs[Id] }
  | { success: false; issues: { path: string; message: string }[] }

/**
 * Checks raw input against the rule set's schema and the rejections of spec §0.6 (negative money, more than two
 * decimals, 科技人员 > 职工总数, 境内研发 > 研发总额, an expert score outside its band …). Every message is Chinese
 * and names the field.
 */
export function validateQualificationInput<Id extends RuleSetId>(
  ruleSetId: Id,
  input: unknown,
): InputValidation<Id> {
  const ruleSet: QualificationRuleSet<QualificationInputs[Id]> = QUALIFICATION_RULE_SETS[ruleSetId]
  const parsed = ruleSet.inputSchema.safeParse(input)
  if (!parsed.success) return { success: false, issues: formatZodIssues(parsed.error.issues) }
  const issues = ruleSet.validateEvaluated?.(parsed.data) ?? []
  return issues.length > 0 ? { success: false, issues } : { success: true, input: parsed.data }
}

/**
 * Pre-assesses one enterprise against a rule set (`tsme-2022` or `hnte-2016`) and returns the verdict with its full
 * trace (spec §0.5). Invalid input is rejected, never evaluated: throws `QUALIFICATION_INPUT_INVALID` whose message
 * lists every problem in Chinese and whose details are `[{ path, message }]`.
 */
export function evaluateQualification<Id extends RuleSetId>(ruleSetId: Id, input: unknown): Verdict {
  if (!isRuleSetId(ruleSetId)) {
    throw qualificationErrors.RULE_SET_NOT_FOUND({ ruleSetId }, `评价规则集 ${String(ruleSetId)} 不存在`)
  }
  const validation = validateQualificationInput(ruleSetId, input)
  if (!validation.success) {
    const message = `企业数据不符合要求：${validation.issues.map((issue) => issue.message).join('；')}`
    throw qualificationErrors.QUALIFICATION_INPUT_INVALID(validation.issues, message)
  }
  return evaluateValidated(ruleSetId, validation.input)
}

/**
 * Evaluates input that `validateQualificationInput` has already accepted (e.g. a batch screening of stored files
 * that were validated when they were entered): the same verdict as `evaluateQualification`, without parsing the
 * input again. Raw or untrusted input must go through `evaluateQualification`.
 */
export function evaluateValidated<Id extends RuleSetId>(
  ruleSetId: Id,
  input: QualificationInputs[Id],
): Verdict {
  const ruleSet: QualificationRuleSet<QualificationInputs[Id]> = QUALIFICATION_RULE_SETS[ruleSetId]
  return ruleSet.evaluate(input)
}
