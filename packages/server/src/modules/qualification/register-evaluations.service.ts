import {
  evaluateRegisterFacts,
  type EnterpriseVerdicts,
  type RegisterEvaluation,
} from '@kechuang/core/qualification'
import type { Database } from '@kechuang/db'
import type { Actor } from '../audit/actor'
import { chinaDate } from '../../china-time'
import { findEnterpriseInScope, readRegisterFacts, registerScopeOf } from './register-evaluations.repository'
import { screeningErrors } from './screenings.errors'

export interface RegisterEvaluationsService {
  /** Both rule sets on the register's data of one enterprise, on `date` (today in China when absent). */
  verdicts(actor: Actor, enterpriseId: string, date?: string): Promise<EnterpriseVerdicts>
}

/**
 * The profile's verdicts: the enterprise's register facts mapped to each rule set's input (core
 * register-inputs.ts, which says what it had to assume) and evaluated; nothing is stored.
 */
export function createRegisterEvaluationsService({
  db,
  now = () => new Date(),
}: {
  db: Database
  now?: () => Date
}): RegisterEvaluationsService {
  return {
    async verdicts(actor, enterpriseId, date) {
      const head = await findEnterpriseInScope(db, enterpriseId, registerScopeOf(actor.scopePath))
      if (!head) throw screeningErrors.ENTERPRISE_NOT_FOUND({ enterpriseId })
      const evaluationDate = date ?? chinaDate(now())
      const facts = await readRegisterFacts(db, [head.id], Number(evaluationDate.slice(0, 4)))
      const evaluations: RegisterEvaluation[] = evaluateRegisterFacts(
        facts.get(head.id)!,
        evaluationDate,
      ).map((evaluation) => ({
        ruleSet: evaluation.ruleSet,
        input: evaluation.input as Record<string, unknown> | null,
        assumptions: evaluation.assumptions,
        // The engine's verdict; its texts are filled when the response schema reads them.
        verdict: evaluation.verdict as RegisterEvaluation['verdict'],
        problems: evaluation.problems,
      }))
      return { enterpriseId: head.id, evaluationDate, evaluations }
    },
  }
}
