import { Empty } from 'antd'
import { Navigate, useLocation } from 'react-router'
import { FullPageSpin } from '../../app/full-page-spin'
import { QueryError } from '../../components/query-error/query-error'
import { t } from '../../i18n/t'
import { useDefaultPlan } from './use-default-plan'

/** The menu's 数据填报 (/entry) and 重点任务 (/tasks): the same page of the user's default plan. */
export function DefaultPlanRedirect() {
  const { pathname } = useLocation()
  const { defaultPlan, isLoading, error, refetch } = useDefaultPlan()
  if (error) return <QueryError error={error} onRetry={refetch} />
  if (isLoading) return <FullPageSpin />
  if (!defaultPlan) return <Empty description={t('plans.noPlans')} />
  return <Navigate replace to={`/plans/${defaultPlan.id}${pathname}`} />
}
