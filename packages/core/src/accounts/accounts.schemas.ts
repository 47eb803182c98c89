import { z } from 'zod'
import { optionalText, trimmedText, uuid } from '../validation/common-fields'
import { pageOf, PageQuery } from '../pagination/pagination.schemas'
import { PASSWORD_MAX_LENGTH, checkPasswordStrength } from './password-policy'
import { PERMISSIONS, ROLES } from './roles'

export const USERNAME_MIN = 3
export const USERNAME_MAX = 50
export const DISPLAY_NAME_MAX = 50

export const RoleSchema = z.enum(ROLES, { error: '角色不正确' })

export const Username = z
  .string({ error: '用户名必须是文本' })
  .trim()
  .min(USERNAME_MIN, { error: `用户名至少 ${USERNAME_MIN} 个字符` })
  .max(USERNAME_MAX, { error: `用户名不能超过 ${USERNAME_MAX} 个字符` })
  .regex(/^[A-Za-z0-9_.@-]+$/, { error: '用户名只能包含字母、数字和 _ . @ -' })
  .transform((value) => value.toLowerCase())

/** A new password, checked against the complexity rules; the username (when known) is checked by the caller. */
export const NewPassword = z
  .string({ error: '密码必须是文本' })
  .max(PASSWORD_MAX_LENGTH, { error: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位` })
  .superRefine((value, ctx) => {
    for (const problem of checkPasswordStrength(value)) ctx.addIssue({ code: 'custom', message: problem })
  })

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, { error: '电话号码格式不正确' })
  .nullable()
const Email = z.email({ error: '电子邮箱格式不正确' }).max(100).nullable()

export const LoginInput = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(USERNAME_MAX),
  password: z
    .string({ error: '请输入密码' })
    .min(1, { error: '请输入密码' })
    .max(PASSWORD_MAX_LENGTH, { error: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位` }),
})
export type LoginInput = z.infer<typeof LoginInput>

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  scopeOrgUnitId: z.uuid(),
  scopeOrgUnitName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isDisabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type User = z.infer<typeof User>

export const SessionInfo = z.object({
  user: User,
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Sent back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
})
export type SessionInfo = z.infer<typeof SessionInfo>

export const UserCreateInput = z.strictObject({
  username: Username,
  displayName: trimmedText('姓名', DISPLAY_NAME_MAX),
  role: RoleSchema,
  scopeOrgUnitId: uuid('管辖范围'),
  phone: Phone.optional(),
  email: Email.optional(),
  /** Initial password; when absent the server generates one and shows it once. */
  password: NewPassword.optional(),
})
export type UserCreateInput = z.infer<typeof UserCreateInput>

export const UserUpdateInput = z.strictObject({
  displayName: trimmedText('姓名', DISPLAY_NAME_MAX).optional(),
  role: RoleSchema.optional(),
  scopeOrgUnitId: uuid('管辖范围').optional(),
  phone: Phone.optional(),
  email: Email.optional(),
})
export type UserUpdateInput = z.infer<typeof UserUpdateInput>

export const ResetPasswordInput = z.strictObject({ password: NewPassword.optional() })
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, { error: '请输入当前密码' }).max(PASSWORD_MAX_LENGTH),
  newPassword: NewPassword,
})
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>

/** Returned once when the server generated a password; it is never retrievable again. */
export const UserWithPassword = z.object({ user: User, temporaryPassword: z.string().nullable() })
export type UserWithPassword = z.infer<typeof UserWithPassword>

export const UserQuery = PageQuery.extend({
  q: optionalText('搜索词', 50).optional(),
  role: RoleSchema.optional(),
  orgUnitId: uuid('机构').optional(),
  status: z.enum(['active', 'locked', 'disabled']).optional(),
})
export type UserQuery = z.infer<typeof UserQuery>

export const UserPage = pageOf(User)
export type UserPage = z.infer<typeof UserPage>

export const UserIdParams = z.strictObject({ id: uuid('用户编号') })
