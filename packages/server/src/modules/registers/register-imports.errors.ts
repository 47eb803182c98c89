import { defineErrors } from '@kechuang/core/errors'
import { REGISTER_IMPORT_MAX_BYTES } from '@kechuang/core/registers'

export const registerImportErrors = defineErrors({
  UPLOAD_MISSING: { status: 400, message: '请选择要导入的名单文件（.xlsx 或 .csv）' },
  UPLOAD_TOO_LARGE: {
    status: 413,
    message: `文件过大，不能超过 ${REGISTER_IMPORT_MAX_BYTES / 1024 / 1024} MB；请拆分成几个文件分别导入`,
  },
  NOT_A_SPREADSHEET: {
    status: 422,
    message: '上传的文件不是 Excel（.xlsx）或 CSV 表格，请检查文件后重新上传',
  },
  OLD_EXCEL_FORMAT: {
    status: 422,
    message: '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后上传',
  },
  FILE_UNREADABLE: { status: 422, message: '文件无法读取，可能已损坏' },
  IMPORT_NOT_FOUND: { status: 404, message: '导入批次不存在或不在您的管辖范围内' },
  ROW_NOT_FOUND: { status: 404, message: '该行不存在' },
  IMPORT_NOT_READY: { status: 409, message: '文件仍在读取中，请稍候' },
  IMPORT_ALREADY_COMMITTED: { status: 409, message: '该批次已经导入，不能再修改' },
  IMPORT_FAILED: { status: 409, message: '该批次读取失败，请重新上传文件' },
  IMPORT_HAS_ERRORS: { status: 422, message: '名单中还有错误，未导入任何数据；请改正全部错误后再确认导入' },
  UNKNOWN_COLUMN: { status: 400, message: '列映射中有本名单类型没有的列' },
  HEADER_NOT_IN_FILE: { status: 400, message: '列映射选择的表头不在文件中' },
})
