import { z } from 'zod'

export const Health = z.object({ status: z.literal('ok'), version: z.string() })
export const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.number().int(),
})
export type Readiness = z.infer<typeof Readiness>
