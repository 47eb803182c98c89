import { defineErrors } from '@kechuang/core/errors'

// 对接, 对接活动 and 技术合同. Missing needs, results, experts, regions and register links reuse marketplaceErrors.
export const dealErrors = defineErrors({
  ENGAGEMENT_NOT_FOUND: { status: 404, message: '对接记录不存在或已删除' },
  ENGAGEMENT_EXISTS: { status: 409, message: '该需求与该成果（专家）已有对接记录' },
  ENGAGEMENT_STATUS_UNCHANGED: { status: 400, message: '对接已处于该状态，无需重复登记' },
  ENGAGEMENT_HAS_CONTRACT: { status: 409, message: '已签合同的对接不能改状态，请先撤销合同' },
  ENGAGEMENT_NOT_DELETABLE: {
    status: 409,
    message: '只有刚添加、尚无进展的对接可以删除；不再跟进的对接请关闭并填写原因',
  },
  ENGAGEMENT_CLOSED: { status: 409, message: '已关闭的对接不能登记技术合同，请先重新打开' },
  DEAL_NOT_EDITABLE: { status: 403, message: '只有所在地区的成果转化管理人员可以办理此项' },
  EVENT_NOT_FOUND: { status: 404, message: '对接活动不存在或已删除' },
  EVENT_IN_USE: { status: 409, message: '该活动已被对接记录引用，不能删除' },
  PARTICIPANT_NOT_FOUND: { status: 404, message: '参与方在企业库、高校院所库或专家库中不存在' },
  PARTICIPANT_REF_NOT_ALLOWED: { status: 400, message: '类型为“其他”的参与方不能关联库中编号' },
  CONTRACT_NOT_FOUND: { status: 404, message: '技术合同不存在或已删除' },
  CONTRACT_DATE_IN_FUTURE: { status: 400, message: '合同签订日期不能晚于今天' },
  CONTRACT_NUMBER_TAKEN: { status: 409, message: '该登记编号已被其他技术合同使用' },
  CONTRACT_ENGAGEMENT_CHANGED: { status: 400, message: '技术合同关联的对接不能更改，请撤销后重新登记' },
})
