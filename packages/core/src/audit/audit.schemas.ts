import { z } from 'zod'
import { optionalText } from '../validation/common-fields'
import { pageOf, PageQuery } from '../pagination/pagination.schemas'

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'move',
  'lock',
  'unlock',
  'reset_password',
  'change_password',
  'login',
  'login_failed',
  'logout',
  'seed',
  'restore',
  'merge',
  'split',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  move: '移动',
  lock: '锁定',
  unlock: '解锁',
  reset_password: '重置密码',
  change_password: '修改密码',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  seed: '初始化数据',
  restore: '恢复备份',
  merge: '合并',
  split: '拆分',
}

/** Entity types that appear in the log; later modules add theirs. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  org_unit: '组织机构',
  user: '用户',
  session: '会话',
  database: '数据库',
  observation: '指标数值',
  period_lock: '统计期锁定',
  plan_settings: '规划设置',
  task_progress: '任务进展',
  attachment: '附件',
  enterprise: '企业',
  register_import: '名单导入',
  register_review_item: '待确认匹配',
  library_curation: '五库调整',
  qualification_self_check: '资格自测记录',
  qualification_screening: '资格批量筛查',
  qualification_proposal: '高企后备库建议',
  tech_result: '科技成果',
  tech_need: '技术需求',
  expert: '专家',
}

export const AuditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string(),
  ip: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditQuery = PageQuery.extend({
  entityType: optionalText('对象类型', 50).optional(),
  entityId: optionalText('对象编号', 100).optional(),
  action: z.enum(AUDIT_ACTIONS, { error: '操作类型不正确' }).optional(),
  actor: optionalText('操作人', 50).optional(),
  from: z.iso.datetime({ offset: true, error: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, error: '结束时间格式不正确' }).optional(),
})
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditPage = pageOf(AuditEntry)
export type AuditPage = z.infer<typeof AuditPage>
