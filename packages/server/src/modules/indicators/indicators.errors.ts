import { defineErrors } from '@kechuang/core/errors'

export const indicatorErrors = defineErrors({
  PLAN_NOT_FOUND: { status: 404, message: '规划不存在或不在您的管辖范围内' },
  INDICATOR_NOT_FOUND: { status: 404, message: '该规划中没有这个指标' },
  OBSERVATION_NOT_FOUND: { status: 404, message: '指标数值不存在或不在您的管辖范围内' },
  ORG_UNIT_NOT_FOUND: { status: 404, message: '组织机构不存在或不在您的管辖范围内' },
  ORG_UNIT_OUTSIDE_PLAN: { status: 422, message: '该机构不在本规划的实施范围内' },
  INDICATOR_DERIVED: { status: 422, message: '该指标由公式计算得出，不能直接填报' },
  YEAR_OUTSIDE_PLAN: { status: 422, message: '年份不在本规划的年份范围内' },
  PERIOD_LOCKED: { status: 409, message: '该统计期已锁定，不能再填报；如需修改，请联系科技局解锁' },
  PERIOD_ALREADY_LOCKED: { status: 409, message: '该统计期已经锁定' },
  LOCK_NOT_FOUND: { status: 404, message: '该统计期没有锁定' },
  OBSERVATION_CONFLICT: { status: 409, message: '该数值刚被他人保存，请刷新后重试' },
  TASK_NOT_FOUND: { status: 404, message: '任务不存在或不在您的管辖范围内' },
  NOTHING_TO_RANK: { status: 422, message: '下级机构还没有本规划的指标数值，无法计算综合指数' },
  RECIPE_INVALID: { status: 422, message: '综合指数的计算方法设置不正确' },
  RECIPE_INDICATOR_UNKNOWN: { status: 400, message: '赋权或计算所用的指标不在本规划中' },
  RECIPE_INDICATORS_MISMATCH: { status: 400, message: '所选指标与赋权的指标不一致' },
  FORMULA_CYCLE: { status: 422, message: '派生指标公式存在循环引用' },
  NOT_RESPONSIBLE_UNIT: { status: 422, message: '该机构不是此任务的责任单位' },
})
