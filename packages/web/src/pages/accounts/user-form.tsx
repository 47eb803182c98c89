import {
  PASSWORD_RULE_TEXT,
  ROLES,
  ROLE_LABELS,
  UserCreateInput,
  UserUpdateInput,
  canAssignRole,
  checkPasswordStrength,
  type Role,
  type User,
  type UserWithPassword,
} from '@kechuang/core/accounts'
import { useMutation } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useSession } from '../../app/auth-provider'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { t } from '../../i18n/t'
import { clearErrorsOnChange, showServerErrors, validateForm } from '../../lib/form-validation'
import { createUser, updateUser } from './accounts.api'

interface UserFormValues {
  username?: string
  displayName?: string
  role?: Role
  scopeOrgUnitId?: string
  phone?: string
  email?: string
  password?: string
}

interface UserFormProps {
  /** The user to edit; absent: create one. */
  user?: User
  onClose: () => void
  /** After a create, `temporaryPassword` holds the generated password (once); after an edit it is null. */
  onSaved: (saved: UserWithPassword) => void
}

type SaveRequest =
  { kind: 'create'; input: UserCreateInput } | { kind: 'update'; id: string; input: UserUpdateInput }

async function save(request: SaveRequest): Promise<UserWithPassword> {
  if (request.kind === 'create') return createUser(request.input)
  return { user: await updateUser(request.id, request.input), temporaryPassword: null }
}

// Server codes that belong to one field of this form.
const FIELD_BY_CODE = {
  USERNAME_TAKEN: 'username',
  SCOPE_NOT_FOUND: 'scopeOrgUnitId',
  ROLE_NOT_ASSIGNABLE: 'role',
  PASSWORD_TOO_WEAK: 'password',
}

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value : undefined)

/** 新建用户 / 编辑: roles limited to those the signed-in user may grant; scope picked from the org tree. */
export function UserForm({ user, onClose, onSaved }: UserFormProps) {
  const session = useSession()
  const [form] = Form.useForm<UserFormValues>()
  const [formError, setFormError] = useState<string | null>(null)
  const isSelf = user?.id === session.user.id
  const roleChoices = ROLES.filter((role) => canAssignRole(session.user.role, role))

  const saveMutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => setFormError(showServerErrors(form, error, FIELD_BY_CODE)),
  })

  function handleFinish(values: UserFormValues) {
    setFormError(null)
    const fields = {
      displayName: values.displayName ?? '',
      role: values.role,
      scopeOrgUnitId: values.scopeOrgUnitId,
    }
    if (user) {
      const result = validateForm(form, UserUpdateInput, {
        ...fields,
        // Cleared contact details are stored as empty.
        phone: blankToUndefined(values.phone) ?? null,
        email: blankToUndefined(values.email) ?? null,
      })
      if (result.success) saveMutation.mutate({ kind: 'update', id: user.id, input: result.data })
      else setFormError(result.formError)
    } else {
      const result = validateForm(form, UserCreateInput, {
        ...fields,
        username: values.username ?? '',
        phone: blankToUndefined(values.phone),
        email: blankToUndefined(values.email),
        password: values.password ? values.password : undefined,
      })
      if (result.success) saveMutation.mutate({ kind: 'create', input: result.data })
      else setFormError(result.formError)
    }
  }

  const initialValues: UserFormValues = user
    ? {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        scopeOrgUnitId: user.scopeOrgUnitId,
        phone: user.phone ?? '',
        email: user.email ?? '',
      }
    : { scopeOrgUnitId: session.user.scopeOrgUnitId }

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={saveMutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        layout="vertical"
        initialValues={initialValues}
        onFinish={handleFinish}
      >
        <Form.Item name="username" label={t('users.username')} required={!user}>
          <Input disabled={Boolean(user)} autoComplete="off" autoFocus={!user} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} required>
          <Input autoComplete="off" autoFocus={Boolean(user)} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          required
          // A picker left empty reads better as "请选择…" than as the schema's "格式不正确".
          rules={[{ required: true, message: t('common.pleaseSelect', { label: t('users.role') }) }]}
        >
          <Select
            disabled={isSelf}
            options={roleChoices.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
        </Form.Item>
        <Form.Item
          name="scopeOrgUnitId"
          label={t('users.scope')}
          required
          extra={t('users.scopeHint')}
          rules={[{ required: true, message: t('common.pleaseSelect', { label: t('users.scope') }) }]}
        >
          <OrgUnitTreeSelect disabled={isSelf} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')}>
          <Input inputMode="email" autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={`${t('users.initialPasswordHint')}${PASSWORD_RULE_TEXT}`}
            dependencies={['username']}
            rules={[
              ({ getFieldValue }) => ({
                // The server's rules (core password-policy), including "must not contain the username".
                validator: async (_rule, value?: string) => {
                  if (!value) return
                  const problems = checkPasswordStrength(value, getFieldValue('username'))
                  if (problems.length > 0) throw new Error(problems.join('；'))
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
