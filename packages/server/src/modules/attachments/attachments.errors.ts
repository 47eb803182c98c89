import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MEGABYTES } from '@kechuang/core/attachments'
import { defineErrors } from '@kechuang/core/errors'

export const attachmentErrors = defineErrors({
  UPLOAD_MISSING: { status: 400, message: '请选择要上传的附件' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: `附件过大，不能超过 ${ATTACHMENT_MAX_MEGABYTES} MB` },
  ATTACHMENT_EMPTY: { status: 422, message: '附件是空文件，请重新选择' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    message: `不支持该文件类型，附件只能是 ${ATTACHMENT_ACCEPT.replaceAll(',', '、')} 文件（文件内容须与扩展名一致）`,
  },
  ATTACHMENT_FILE_NAME_TOO_LONG: { status: 422, message: '附件文件名过长' },
  ATTACHMENT_NOT_FOUND: { status: 404, message: '附件不存在或不在您的管辖范围内' },
  ATTACHMENT_NOT_LINKABLE: {
    status: 422,
    message: '附件不存在、已被使用或不是您本人上传的，请重新上传',
  },
})
