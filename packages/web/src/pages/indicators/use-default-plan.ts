import type { PlanSummary } from '@kechuang/core/indicators'
import { useQuery } from '@tanstack/react-query'
import { useSession } from '../../app/auth-provider'
import { orgUnitsQueryOptions } from '../org-units/org-units.api'
import { plansQueryOptions } from './indicators.api'
import { pickDefaultPlan } from './pick-default-plan'

/** The plans the user sees and the one to open first (see pickDefaultPlan). */
export function useDefaultPlan() {
  const session = useSession()
  const plans = useQuery(plansQueryOptions)
  const units = useQuery(orgUnitsQueryOptions)
  const scopePath = units.data?.find((unit) => unit.id === session.user.scopeOrgUnitId)?.path
  const defaultPlan: PlanSummary | undefined =
    plans.data && units.data ? pickDefaultPlan(plans.data, scopePath) : undefined
  return {
    plans: plans.data,
    defaultPlan,
    isLoading: plans.isLoading || units.isLoading,
    error: plans.error ?? units.error,
    refetch: () => {
      void plans.refetch()
      void units.refetch()
    },
  }
}
