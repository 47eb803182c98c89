// Texts of the M2 pages: 名单导入 wizard and the 待确认匹配 review queue. Part of zh-cn.ts, kept apart so each page group owns its file.
export const registerImportsMessages = {
  title: '名单导入',
} as const
