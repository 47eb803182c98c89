import { defineErrors } from '@kechuang/core/errors'
import { TEMPLATE_UPLOAD_MAX_BYTES } from '@kechuang/core/indicators'

export const indicatorWorkbookErrors = defineErrors({
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的 Excel 文件' },
  UPLOAD_TOO_LARGE: {
    status: 413,
    message: `文件过大，不能超过 ${TEMPLATE_UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
  },
  NOT_A_SPREADSHEET: {
    status: 422,
    message: '上传的文件不是有效的 Excel 文件（.xlsx），请用下载的模板填写后上传',
  },
  NOT_A_TEMPLATE: { status: 422, message: '这不是本平台的填报模板（缺少模板信息），请重新下载模板' },
  TEMPLATE_OF_OTHER_PLAN: { status: 422, message: '该模板属于另一个规划，请下载本规划的模板' },
  IMPORT_REJECTED: { status: 422, message: '文件中有错误，未导入任何数据' },
})
