import { defineErrors } from '@kechuang/core/errors'

export const reviewQueueErrors = defineErrors({
  REVIEW_ITEM_NOT_FOUND: { status: 404, message: '待确认条目不存在或不在您的管辖范围内' },
  REVIEW_ITEM_DECIDED: { status: 409, message: '该条目已经处理过了' },
  ENTERPRISE_NOT_FOUND: { status: 404, message: '所选企业不存在' },
})
