// Texts of the M2 pages: 五库, 梯次培育 ladder and the computed M1 sources. Part of zh-cn.ts, kept apart so each page group owns its file.
export const librariesMessages = {
  title: '五库',
} as const
