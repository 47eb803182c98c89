import { defineErrors } from '@kechuang/core/errors'

export const screeningErrors = defineErrors({
  ENTERPRISE_NOT_FOUND: { status: 404, message: '企业不存在或不在您的管辖范围内' },
  REGION_NOT_FOUND: { status: 404, message: '所选地区不存在或不在您的管辖范围内' },
  SCREENING_NOT_FOUND: { status: 404, message: '筛查批次不存在或不在您的管辖范围内' },
  SCREENING_RUNNING: {
    status: 409,
    message: '该地区已有一次筛查正在进行，请等它完成后再发起新的筛查',
  },
  SCREENING_NOT_COMPLETED: { status: 409, message: '该次筛查尚未完成或已失败，没有可查看的结果' },
  SCREENING_FAILED: {
    status: 500,
    message: '筛查失败：读取或写入数据时出错，已清除本次的部分结果，请稍后重试',
  },
  SCREENING_INTERRUPTED: { status: 500, message: '筛查因服务重启而中断，请重新发起' },
  PROPOSAL_NOT_FOUND: { status: 404, message: '建议不存在或不在您的管辖范围内' },
  PROPOSAL_DECIDED: { status: 409, message: '该建议已处理过，不能重复处理' },
})
