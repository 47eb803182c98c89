import { describe, expect, it } from 'vitest'
import { userRoleChartOption, userRoleRows } from './user-role-chart-option'

describe('userRoleRows', () => {
  it('names roles in Chinese, in the order of ROLES, without empty roles', () => {
    expect(userRoleRows({ reporter: 4, system_admin: 1, expert: 0 })).toEqual([
      { name: '系统管理员', value: 1 },
      { name: '责任单位填报员', value: 4 },
    ])
  })
})

describe('userRoleChartOption', () => {
  it('feeds the rows to a ring chart', () => {
    expect(userRoleChartOption({ bureau_staff: 3 }).series).toMatchObject([
      { type: 'pie', data: [{ name: '科技局工作人员', value: 3 }] },
    ])
  })
})
