import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Popconfirm, Tooltip } from 'antd'
import { LockOutlined, UnlockOutlined } from '@ant-design/icons'
import { t } from '../../i18n/t'
import { findCoveringLock } from './find-covering-lock'
import { useHandleError } from '../../lib/handle-error'
import { indicatorKeys, lockPeriod, locksQueryOptions, unlockPeriod } from './indicators.api'

interface PeriodLockButtonProps {
  planId: string
  unit: { id: string; name: string; path: string | undefined }
  year: number
  isLocked: boolean
}

/**
 * 锁定 / 解锁 a unit's year (data approval), for roles with 'periods:lock'. A year locked on a unit above
 * can only be unlocked there, so the button says where.
 */
export function PeriodLockButton({ planId, unit, year, isLocked }: PeriodLockButtonProps) {
  const { message } = App.useApp()
  const handleError = useHandleError()
  const queryClient = useQueryClient()
  const { data: locks } = useQuery(locksQueryOptions(planId))
  const covering = findCoveringLock(locks ?? [], unit, year)

  const mutation = useMutation({
    mutationFn: async (action: 'lock' | 'unlock') => {
      if (action === 'lock') await lockPeriod(planId, { orgUnitId: unit.id, year })
      else await unlockPeriod(planId, { orgUnitId: unit.id, year })
    },
    onSuccess: async (_, action) => {
      void message.success(t(action === 'lock' ? 'entry.lockedDone' : 'entry.unlockedDone', { year }))
      await queryClient.invalidateQueries({ queryKey: indicatorKeys.all })
    },
    onError: handleError,
  })

  if (!isLocked)
    return (
      <Popconfirm
        title={t('entry.lockConfirm', { unit: unit.name, year })}
        description={t('entry.lockHint')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => mutation.mutate('lock')}
      >
        <Button icon={<LockOutlined />} loading={mutation.isPending}>
          {t('entry.lock')}
        </Button>
      </Popconfirm>
    )
  if (covering && covering.orgUnitId !== unit.id)
    return (
      <Tooltip title={t('entry.lockedAbove', { unit: covering.orgUnitName })}>
        <Button icon={<UnlockOutlined />} disabled>
          {t('entry.unlock')}
        </Button>
      </Tooltip>
    )
  return (
    <Popconfirm
      title={t('entry.unlockConfirm', { unit: unit.name, year })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onConfirm={() => mutation.mutate('unlock')}
    >
      <Button icon={<UnlockOutlined />} loading={mutation.isPending}>
        {t('entry.unlock')}
      </Button>
    </Popconfirm>
  )
}
