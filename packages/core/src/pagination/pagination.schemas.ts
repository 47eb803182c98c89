import { z } from 'zod'

export const PAGE_SIZE_MAX = 200
export const PAGE_SIZE_DEFAULT = 20

/** `?page=1&pageSize=20` on every list endpoint; query strings arrive as text, hence the coercion. */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1, { error: '页码从 1 开始' }).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX, { error: `每页最多 ${PAGE_SIZE_MAX} 条` })
    .default(PAGE_SIZE_DEFAULT),
})
export type PageQuery = z.infer<typeof PageQuery>

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export function pageOffset({ page, pageSize }: PageQuery): number {
  return (page - 1) * pageSize
}
