import type { TaskView } from '@kechuang/core/indicators'
import { describe, expect, it } from 'vitest'
import { buildTaskTableRows, responsibleUnitOptions } from './task-table-rows'

const KJJ = '00000000-0000-4000-8000-000000000001'
const JXJ = '00000000-0000-4000-8000-000000000002'

function task(id: string, order: number, group: string, unitIds: [string, string][]): TaskView {
  return {
    id,
    planId: 'daye-2022-2024',
    order,
    group,
    item: id,
    milestones: [],
    responsibleUnits: unitIds.map(([, name]) => name),
    responsibleUnitsText: unitIds.map(([, name]) => name).join('、'),
    quantitativeTargets: [],
    source: { doc: '', ref: '', lines: [] },
    progress: unitIds.map(([orgUnitId, orgUnitName]) => ({
      orgUnitId,
      orgUnitName,
      latest: null,
      missingReportYears: [],
      overdueYears: [],
    })),
  }
}

const tasks = [
  task('T-3', 3, '培育创新主体', [[JXJ, '市经信局']]),
  task('T-1', 1, '强化创新投入', [[KJJ, '市科技局']]),
  task('T-2', 2, '强化创新投入', [
    [KJJ, '市科技局'],
    [JXJ, '市经信局'],
  ]),
]

describe('buildTaskTableRows', () => {
  it('groups tasks under their 建设任务 in schedule order', () => {
    expect(buildTaskTableRows(tasks).map((r) => [r.task.id, r.groupRowSpan])).toEqual([
      ['T-1', 2],
      ['T-2', 0],
      ['T-3', 1],
    ])
  })

  it("keeps a unit's own tasks for its 责任清单", () => {
    expect(buildTaskTableRows(tasks, JXJ).map((r) => [r.task.id, r.groupRowSpan])).toEqual([
      ['T-2', 1],
      ['T-3', 1],
    ])
  })
})

describe('responsibleUnitOptions', () => {
  it('lists each responsible unit once', () => {
    expect(
      responsibleUnitOptions(tasks)
        .map((o) => o.value)
        .sort(),
    ).toEqual([KJJ, JXJ].sort())
  })
})
