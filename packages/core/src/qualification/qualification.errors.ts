import { defineErrors } from '../errors/define-errors'

/** Broken preconditions of a qualification pre-assessment; a verdict itself is a value, never an error. */
export const qualificationErrors = defineErrors({
  QUALIFICATION_INPUT_INVALID: { status: 400, message: '企业数据不符合要求，无法进行资格预评价' },
  RULE_SET_NOT_FOUND: { status: 404, message: '评价规则集不存在' },
})
