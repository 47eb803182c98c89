import {
  QUALIFICATION_RULE_SETS,
  RULE_SET_IDS,
  evaluateQualification,
  type RuleSetId,
  type RuleSetList,
  type Verdict,
  type VerdictResponse,
} from '@kechuang/core/qualification'

export interface EvaluateService {
  listRuleSets(): RuleSetList
  /** The verdict of spec §0.5; invalid input throws QUALIFICATION_INPUT_INVALID (400, details by field). */
  evaluate(ruleSet: RuleSetId, input: unknown): VerdictResponse
}

/**
 * A verdict as it travels: its explanations are LazyTexts whose texts are filled when read, so the verdict is
 * copied through JSON (their `toJSON` writes `{ zh, en }`) before anything else reads it.
 */
export function toVerdictResponse(verdict: Verdict): VerdictResponse {
  return JSON.parse(JSON.stringify(verdict)) as VerdictResponse
}

/** Pre-assessment of any figures (the self-check): pure, nothing is read from or written to the database. */
export function createEvaluateService(): EvaluateService {
  return {
    listRuleSets: () => ({
      items: RULE_SET_IDS.map((id) => {
        const ruleSet = QUALIFICATION_RULE_SETS[id]
        return {
          id,
          scheme: ruleSet.scheme,
          title: ruleSet.title,
          version: ruleSet.version,
          documents: [...ruleSet.documents],
          effectiveFrom: ruleSet.effectiveFrom,
          effectiveTo: ruleSet.effectiveTo,
        }
      }),
    }),
    evaluate: (ruleSet, input) => toVerdictResponse(evaluateQualification(ruleSet, input)),
  }
}
