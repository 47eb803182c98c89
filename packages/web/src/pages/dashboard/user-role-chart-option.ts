import { ROLES, ROLE_LABELS, type Role } from '@kechuang/core/accounts'
import type { EChartsOption } from 'echarts'
import { t } from '../../i18n/t'
import type { ChartDatum } from './org-unit-type-chart-option'

/** Counts by role → rows in the order of ROLES, labelled in Chinese; roles nobody has are left out. */
export function userRoleRows(countsByRole: Readonly<Record<string, number>>): ChartDatum[] {
  const known = new Set<string>(ROLES)
  const order = [...ROLES, ...Object.keys(countsByRole).filter((role) => !known.has(role))]
  return order
    .map((role) => ({
      name: known.has(role) ? ROLE_LABELS[role as Role] : role,
      value: countsByRole[role] ?? 0,
    }))
    .filter((row) => row.value > 0)
}

/** A ring chart of users by role, legend underneath so it fits a phone. */
export function userRoleChartOption(countsByRole: Readonly<Record<string, number>>): EChartsOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        name: t('dashboard.usersByRole'),
        radius: ['40%', '65%'],
        center: ['50%', '45%'],
        data: userRoleRows(countsByRole),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  }
}
