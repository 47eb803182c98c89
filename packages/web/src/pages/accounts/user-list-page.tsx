import { PlusOutlined } from '@ant-design/icons'
import { ROLES, ROLE_LABELS, canAssignRole, type Role, type User } from '@kechuang/core/accounts'
import { PAGE_SIZE_DEFAULT } from '@kechuang/core/pagination'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useAuth, useSession } from '../../app/auth-provider'
import { OrgUnitTreeSelect } from '../../components/org-unit-tree-select/org-unit-tree-select'
import { PageContainer } from '../../components/page-container/page-container'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useHandleError } from '../../lib/handle-error'
import {
  lockUser,
  resetUserPassword,
  unlockUser,
  userKeys,
  usersQueryOptions,
  type UserListQuery,
} from './accounts.api'
import { OneTimePasswordModal } from './one-time-password-modal'
import { UserForm } from './user-form'
import {
  USER_STATUSES,
  USER_STATUS_COLORS,
  USER_STATUS_LABEL_KEYS,
  userStatus,
  type UserStatus,
} from './user-status'
import { serverPagination } from '../../components/table-pagination/server-pagination'

type Filters = Pick<UserListQuery, 'q' | 'role' | 'status' | 'orgUnitId'>
type Dialog = { kind: 'create' } | { kind: 'edit'; user: User }
interface OneTimePassword {
  username: string
  password: string
}

/** 用户管理: the users of the caller's scope, searchable and filterable, paged on the server. */
export function UserListPage() {
  const session = useSession()
  const { can } = useAuth()
  const { message, modal } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()

  const [filters, setFilters] = useState<Filters>({})
  const [searchText, setSearchText] = useState('')
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZE_DEFAULT })
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [oneTimePassword, setOneTimePassword] = useState<OneTimePassword | null>(null)

  const { data, error, refetch, isFetching } = useQuery(usersQueryOptions({ ...filters, ...paging }))
  const refreshUsers = () => queryClient.invalidateQueries({ queryKey: userKeys.all })

  const canWrite = can('users:write')
  // The server refuses to manage a role the caller may not grant, and one's own account.
  const canManage = (user: User) => canWrite && canAssignRole(session.user.role, user.role)
  const isSelf = (user: User) => user.id === session.user.id

  function updateFilters(change: Filters) {
    setFilters((current) => ({ ...current, ...change }))
    setPaging((current) => ({ ...current, page: 1 }))
  }

  const statusMutation = useMutation({
    mutationFn: ({ user, action }: { user: User; action: 'disable' | 'enable' | 'unlock' }) =>
      action === 'disable' ? lockUser(user.id) : unlockUser(user.id),
    onSuccess: async (user, { action }) => {
      const notice = { disable: 'users.disabled', enable: 'users.enabled', unlock: 'users.unlocked' } as const
      void message.success(t(notice[action], { name: user.displayName }))
      await refreshUsers()
    },
    onError: handleError,
  })

  function handleResetPassword(user: User) {
    void modal.confirm({
      title: t('users.resetConfirm', { name: user.displayName }),
      content: t('users.resetHint'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await resetUserPassword(user.id)
          if (result.temporaryPassword) {
            setOneTimePassword({ username: result.user.username, password: result.temporaryPassword })
          }
          await refreshUsers()
        } catch (error) {
          handleError(error)
        }
      },
    })
  }

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', key: 'username' },
    {
      title: t('users.displayName'),
      key: 'displayName',
      render: (_, user) => (isSelf(user) ? `${user.displayName}${t('users.self')}` : user.displayName),
    },
    { title: t('users.role'), key: 'role', render: (_, user) => ROLE_LABELS[user.role] },
    { title: t('users.scope'), dataIndex: 'scopeOrgUnitName', key: 'scope' },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) => {
        const status = userStatus(user)
        return <Tag color={USER_STATUS_COLORS[status]}>{t(USER_STATUS_LABEL_KEYS[status])}</Tag>
      },
    },
    {
      title: t('users.lastLoginAt'),
      key: 'lastLoginAt',
      render: (_, user) =>
        user.lastLoginAt ? dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm') : t('users.neverLoggedIn'),
    },
  ]
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, user) => {
        if (!canManage(user)) return null
        const status = userStatus(user)
        return (
          <Flex gap={4} wrap={false}>
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
              {t('common.edit')}
            </Button>
            {!isSelf(user) && (
              <>
                <Button type="link" size="small" onClick={() => handleResetPassword(user)}>
                  {t('users.resetPassword')}
                </Button>
                {status === 'active' ? (
                  <Popconfirm
                    title={t('users.disableConfirm', { name: user.displayName })}
                    description={t('users.disableHint')}
                    okText={t('common.ok')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => statusMutation.mutate({ user, action: 'disable' })}
                  >
                    <Button type="link" size="small" danger>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      statusMutation.mutate({ user, action: status === 'locked' ? 'unlock' : 'enable' })
                    }
                  >
                    {status === 'locked' ? t('users.unlock') : t('users.enable')}
                  </Button>
                )}
              </>
            )}
          </Flex>
        )
      },
    })
  }

  return (
    <PageContainer
      title={t('users.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Card>
        {/* No labels naming form fields (角色, 管辖范围 …) here: they would clash with the dialog's fields. */}
        <div className="list-filters">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onSearch={(value) => updateFilters({ q: value.trim() || undefined })}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.rolePlaceholder')}
            value={filters.role}
            onChange={(role) => updateFilters({ role })}
            options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
          />
          <Select<UserStatus>
            allowClear
            placeholder={t('users.statusPlaceholder')}
            value={filters.status}
            onChange={(status) => updateFilters({ status })}
            options={USER_STATUSES.map((status) => ({
              value: status,
              label: t(USER_STATUS_LABEL_KEYS[status]),
            }))}
          />
          <OrgUnitTreeSelect
            allowClear
            placeholder={t('users.scopePlaceholder')}
            value={filters.orgUnitId}
            onChange={(orgUnitId) => updateFilters({ orgUnitId })}
          />
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination(paging, data?.total, setPaging)}
        />
      </Card>

      {dialog && (
        <UserForm
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          onClose={() => setDialog(null)}
          onSaved={({ user, temporaryPassword }) => {
            setDialog(null)
            if (temporaryPassword)
              setOneTimePassword({ username: user.username, password: temporaryPassword })
            else
              void message.success(
                dialog.kind === 'edit' ? t('common.saved') : t('users.created', { name: user.displayName }),
              )
            void refreshUsers()
          }}
        />
      )}
      {oneTimePassword && (
        <OneTimePasswordModal
          username={oneTimePassword.username}
          password={oneTimePassword.password}
          onClose={() => setOneTimePassword(null)}
        />
      )}
    </PageContainer>
  )
}
