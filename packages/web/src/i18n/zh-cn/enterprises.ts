// Texts of the M2 pages: 企业库 list, enterprise profile, merge/split. Part of zh-cn.ts, kept apart so each page group owns its file.
export const enterprisesMessages = {
  title: '企业库',
} as const
