import { defineErrors } from '@kechuang/core/errors'

export const enterpriseErrors = defineErrors({
  ENTERPRISE_NOT_FOUND: { status: 404, message: '企业不存在或不在您的管辖范围内' },
  REGION_NOT_FOUND: { status: 404, message: '所选地区不存在或不在您的管辖范围内' },
  MERGE_SAME_ENTERPRISE: { status: 409, message: '两者已是同一企业，无需合并' },
  CREDIT_CODE_CONFLICT: {
    status: 409,
    message: '两家企业各有不同的有效统一社会信用代码，是不同的法人主体，不能合并',
  },
  SPLIT_MEMBERS_INVALID: {
    status: 400,
    message: '拆分出去的记录必须是该企业的成员记录，且不能是全部成员',
  },
  EXPORT_TOO_LARGE: { status: 422, message: '符合条件的企业过多，超过单次导出上限，请缩小筛选范围后再导出' },
})
