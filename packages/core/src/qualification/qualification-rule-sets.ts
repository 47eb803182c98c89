import type { z } from 'zod'
import { evaluateHnte2016, validateHnteExpertScores } from './hnte-2016'
import { HnteInput, TsmeInput } from './qualification.schemas'
import type { RuleSetId, Verdict } from './qualification-verdict'
import { evaluateTsme2022 } from './tsme-2022'

export type QualificationScheme = 'tsme' | 'hnte'

/** A versioned rule set (spec §1): which documents it applies, from when, its input schema and its evaluator. */
export interface QualificationRuleSet<Input = unknown> {
  id: RuleSetId
  scheme: QualificationScheme
  /** Version of the spec this rule set implements. */
  version: string
  title: string
  documents: readonly string[]
  /** First date (evaluation / application date) the rule set applies to, inclusive. */
  effectiveFrom: string
  /** Last date it applies to, inclusive; null while in force. */
  effectiveTo: string | null
  inputSchema: z.ZodType<Input>
  /** Checks that need the evaluated data (expert scores inside their band); returns Chinese messages by path. */
  validateEvaluated?: (input: Input) => { path: string; message: string }[]
  evaluate: (input: Input) => Verdict
}

const tsme2022: QualificationRuleSet<TsmeInput> = {
  id: 'tsme-2022',
  scheme: 'tsme',
  version: '1.0',
  title: '科技型中小企业评价',
  documents: [
    '国科发政〔2017〕115号《科技型中小企业评价办法》',
    '国科火字〔2022〕67号《科技型中小企业评价服务工作指引》',
  ],
  // "from the 2022 评价 round on" (§1); the round is identified by its calendar year.
  effectiveFrom: '2022-01-01',
  effectiveTo: null,
  inputSchema: TsmeInput,
  evaluate: evaluateTsme2022,
}

const hnte2016: QualificationRuleSet<HnteInput> = {
  id: 'hnte-2016',
  scheme: 'hnte',
  version: '1.0',
  title: '高新技术企业认定',
  documents: [
    '国科发火〔2016〕32号《高新技术企业认定管理办法》',
    '国科发火〔2016〕195号《高新技术企业认定管理工作指引》',
  ],
  // 32号 第二十三条 "本办法自2016年1月1日起实施".
  effectiveFrom: '2016-01-01',
  effectiveTo: null,
  inputSchema: HnteInput,
  validateEvaluated: validateHnteExpertScores,
  evaluate: evaluateHnte2016,
}

/** The validated input of each rule set. */
export interface QualificationInputs {
  'tsme-2022': TsmeInput
  'hnte-2016': HnteInput
}

/** Every rule set, keyed by id. */
export const QUALIFICATION_RULE_SETS: { [Id in RuleSetId]: QualificationRuleSet<QualificationInputs[Id]> } = {
  'tsme-2022': tsme2022,
  'hnte-2016': hnte2016,
}
export type AnyQualificationRuleSet = (typeof QUALIFICATION_RULE_SETS)[RuleSetId]

export const RULE_SET_IDS = Object.keys(QUALIFICATION_RULE_SETS) as RuleSetId[]

export function isRuleSetId(id: string): id is RuleSetId {
  return Object.hasOwn(QUALIFICATION_RULE_SETS, id)
}

/**
 * The rule set of a scheme in force on a date (YYYY-MM-DD): the latest `effectiveFrom` on or before it, or null
 * when none applies (e.g. 科技型中小企业 before the 2022 round — the optional `tsme-2017` is not provided).
 */
export function findEffectiveRuleSet(
  scheme: QualificationScheme,
  date: string,
): AnyQualificationRuleSet | null {
  const candidates = Object.values<AnyQualificationRuleSet>(QUALIFICATION_RULE_SETS)
    .filter((ruleSet) => ruleSet.scheme === scheme)
    .filter(
      (ruleSet) =>
        ruleSet.effectiveFrom <= date && (ruleSet.effectiveTo === null || date <= ruleSet.effectiveTo),
    )
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
  return candidates[0] ?? null
}
