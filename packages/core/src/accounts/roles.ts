/** Roles of PRODUCT.md M0. Every user has exactly one, plus a data scope (an org-unit subtree). */
export const ROLES = [
  'system_admin',
  'bureau_admin',
  'bureau_staff',
  'reporter',
  'enterprise',
  'expert',
  'institution',
  'leader',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  system_admin: '系统管理员',
  bureau_admin: '科技局管理员',
  bureau_staff: '科技局工作人员',
  reporter: '责任单位填报员',
  enterprise: '企业用户',
  expert: '专家',
  institution: '高校院所',
  leader: '领导（只读）',
}

export const PERMISSIONS = [
  'org-units:read',
  'org-units:write',
  'users:read',
  'users:write',
  'audit:read',
  'dashboard:read',
  'indicators:read',
  'observations:report',
  'tasks:report',
  'periods:lock',
  // A plan's path model and status thresholds (how its figures are judged): administrators only.
  'plans:configure',
  // M2 registers: read lists and profiles; import, review matches, merge/split and curate the five 库.
  'registers:read',
  'registers:write',
  // Talents' id numbers and phones; everyone else sees them masked.
  'talents:personal',
  // M3: pre-assess any figures (the self-check; stores nothing unless asked) — every signed-in user.
  'qualification:self-check',
  // M3: run batch screenings and decide their 高企后备库 proposals.
  'qualification:screen',
  // M5: browse the marketplace and its recommendations; publish one's own 成果 / 需求; manage every record
  // (edit any, see contacts unmasked, keep the 专家库).
  'marketplace:read',
  'marketplace:publish',
  'marketplace:manage',
  // M5: read the 对接 pipeline, 对接活动 and the 技术合同 registry (commercial terms: the bureau's roles only).
  'marketplace:deals',
] as const
export type Permission = (typeof PERMISSIONS)[number]

// Later modules add their permissions here; the server checks them and the web app hides what a role lacks.
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: PERMISSIONS,
  bureau_admin: PERMISSIONS,
  bureau_staff: [
    'org-units:read',
    'users:read',
    'dashboard:read',
    'indicators:read',
    'observations:report',
    'tasks:report',
    'periods:lock',
    'registers:read',
    'registers:write',
    'qualification:self-check',
    'qualification:screen',
    'marketplace:read',
    'marketplace:publish',
    'marketplace:manage',
    'marketplace:deals',
  ],
  // A 责任单位 enters values and task progress for its own unit; locking (data approval) is the bureau's.
  reporter: [
    'org-units:read',
    'dashboard:read',
    'indicators:read',
    'observations:report',
    'tasks:report',
    'qualification:self-check',
  ],
  enterprise: ['qualification:self-check', 'marketplace:read', 'marketplace:publish'],
  expert: ['qualification:self-check', 'marketplace:read'],
  institution: ['qualification:self-check', 'marketplace:read', 'marketplace:publish'],
  leader: [
    'org-units:read',
    'users:read',
    'audit:read',
    'dashboard:read',
    'indicators:read',
    'registers:read',
    'qualification:self-check',
    'marketplace:read',
    'marketplace:deals',
  ],
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]]
}

/**
 * Who may grant which role: a system admin any role; a bureau admin any role except system admin.
 * Nobody else manages accounts. Keeps a bureau admin from making itself (or others) system admin.
 */
export function canAssignRole(actorRole: Role, targetRole: Role): boolean {
  if (actorRole === 'system_admin') return true
  if (actorRole === 'bureau_admin') return targetRole !== 'system_admin'
  return false
}
