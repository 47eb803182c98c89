import { defineErrors } from '@kechuang/core/errors'

export const accountErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账号已被锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已被管理员停用，请联系管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录或密码被重置后，请先修改密码' },
  CURRENT_PASSWORD_WRONG: { status: 400, message: '当前密码不正确' },
  PASSWORD_TOO_WEAK: { status: 400, message: '密码不符合复杂度要求' },
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  USER_NOT_FOUND: { status: 404, message: '用户不存在或不在您的管辖范围内' },
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  SCOPE_NOT_FOUND: { status: 404, message: '所选管辖范围不存在或超出了您的管辖范围' },
  ROLE_NOT_ASSIGNABLE: { status: 403, message: '您不能授予或管理该角色' },
  CANNOT_CHANGE_SELF: { status: 403, message: '不能对自己的账号执行此操作' },
})
