import { defineErrors } from '@kechuang/core/errors'

export const orgUnitErrors = defineErrors({
  ORG_UNIT_NOT_FOUND: { status: 404, message: '组织机构不存在或不在您的管辖范围内' },
  PARENT_NOT_FOUND: { status: 404, message: '上级机构不存在或不在您的管辖范围内' },
  TYPE_NOT_ALLOWED: { status: 422, message: '该类型的机构不能设在所选上级机构之下' },
  NAME_TAKEN: { status: 409, message: '同一上级机构下已有同名机构' },
  DIVISION_CODE_TAKEN: { status: 409, message: '该行政区划代码已被其他机构使用' },
  MOVE_INTO_OWN_SUBTREE: { status: 422, message: '不能把机构移动到它自己或它的下级机构之下' },
  SCOPE_ROOT_LOCKED: { status: 403, message: '不能移动或删除您自己管辖范围的顶层机构' },
  HAS_CHILDREN: { status: 409, message: '该机构还有下级机构，不能删除' },
  HAS_USERS: { status: 409, message: '还有用户的管辖范围是该机构，不能删除' },
})
