import { defineErrors } from '../../errors/define-errors'

/** Broken preconditions of the 五库, 梯次培育 and register-value operations. */
export const libraryErrors = defineErrors({
  MEMBER_KIND_MISMATCH: { status: 400, message: '该库不收录这种类型的对象' },
  MEMBER_NOT_FOUND: { status: 404, message: '对象不存在或不在您的管辖范围内' },
  ALREADY_MEMBER: { status: 409, message: '该对象已按规则在库中，无需人工加入' },
  NOT_MEMBER: { status: 409, message: '该对象不在库中，无需人工移出' },
  CURATION_EXISTS: { status: 409, message: '该对象已有人工调整，请先撤回原调整' },
  CURATION_NOT_FOUND: { status: 404, message: '人工调整记录不存在或不在您的管辖范围内' },
  CURATION_WITHDRAWN: { status: 409, message: '该人工调整已撤回' },
  ORG_UNIT_NOT_FOUND: { status: 404, message: '组织机构不存在或不在您的管辖范围内' },
  INDICATOR_NOT_FOUND: { status: 404, message: '该规划中没有这个指标' },
  INDICATOR_WITHOUT_METRIC: { status: 422, message: '该指标没有对应的计算口径（创新主体库或技术合同登记）' },
})
