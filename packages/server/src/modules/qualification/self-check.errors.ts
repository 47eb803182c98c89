import { defineErrors } from '@kechuang/core/errors'

/** A filled self-check workbook is a few dozen cells; anything bigger is not one. */
export const SELF_CHECK_UPLOAD_MAX_BYTES = 1024 * 1024

export const selfCheckErrors = defineErrors({
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的资格自测 Excel 文件（.xlsx）' },
  UPLOAD_TOO_LARGE: {
    status: 413,
    message: `文件过大，不能超过 ${SELF_CHECK_UPLOAD_MAX_BYTES / 1024 / 1024} MB；请使用下载的自测模板填写`,
  },
  NOT_A_SPREADSHEET: {
    status: 400,
    message: '上传的文件无法读取，不是有效的 Excel 文件（.xlsx）；请用下载的自测模板填写后上传',
  },
  NOT_A_TEMPLATE: {
    status: 400,
    message: '这不是本平台的资格自测模板（缺少模板信息），请先下载模板，填写后再上传',
  },
  SELF_CHECK_NOT_FOUND: { status: 404, message: '自测记录不存在或已删除' },
})
