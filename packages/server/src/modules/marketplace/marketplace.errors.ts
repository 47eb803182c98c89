import { defineErrors } from '@kechuang/core/errors'

export const marketplaceErrors = defineErrors({
  TECH_RESULT_NOT_FOUND: { status: 404, message: '科技成果不存在或已删除' },
  TECH_NEED_NOT_FOUND: { status: 404, message: '技术需求不存在或已删除' },
  EXPERT_NOT_FOUND: { status: 404, message: '专家不存在或已删除' },
  REGION_NOT_FOUND: { status: 404, message: '所选地区不存在或不在您的管辖范围内' },
  ENTERPRISE_NOT_FOUND: { status: 404, message: '所选企业不存在' },
  INSTITUTION_NOT_FOUND: { status: 404, message: '所选成果持有单位不存在' },
  NOT_EDITABLE: { status: 403, message: '只有发布者本人或成果转化管理人员可以修改、删除该条信息' },
  RECOMMENDATION_KIND_INVALID: {
    status: 400,
    message: '推荐类型不适用：技术需求可推荐科技成果或专家，科技成果和专家可推荐技术需求',
  },
})
