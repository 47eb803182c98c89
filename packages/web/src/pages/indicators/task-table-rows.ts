import type { TaskView } from '@kechuang/core/indicators'

export interface TaskTableRow {
  key: string
  task: TaskView
  /** The 建设任务 cell spans its tasks: the first row of a group carries the count, the rest 0. */
  groupRowSpan: number
}

/**
 * Tasks in schedule order, grouped under their 建设任务 as the 进度安排 table prints them; with `orgUnitId`,
 * only the tasks that unit is responsible for (its 责任清单).
 */
export function buildTaskTableRows(tasks: readonly TaskView[], orgUnitId?: string): TaskTableRow[] {
  const kept = [...tasks]
    .filter((task) => !orgUnitId || task.progress.some((p) => p.orgUnitId === orgUnitId))
    .sort((a, b) => a.order - b.order)
  const groups = new Map<string, TaskView[]>()
  for (const task of kept) groups.set(task.group, [...(groups.get(task.group) ?? []), task])
  return [...groups.values()].flatMap((list) =>
    list.map((task, index) => ({ key: task.id, task, groupRowSpan: index === 0 ? list.length : 0 })),
  )
}

/** The responsible units the reader sees on any task, by name: the choices of the 责任清单 filter. */
export function responsibleUnitOptions(tasks: readonly TaskView[]): { value: string; label: string }[] {
  const byId = new Map<string, string>()
  for (const task of tasks) for (const p of task.progress) byId.set(p.orgUnitId, p.orgUnitName)
  return [...byId]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
}
