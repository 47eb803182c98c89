import { z } from 'zod'

// Zod's own messages in Chinese, so a field error reads "无效输入：…" in the API and in forms alike.
// Imported once by every entry point (server app, web app, CLI) before any schema runs.
z.config(z.locales.zhCN())
