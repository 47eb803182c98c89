import { z } from 'zod'

/** The 驾驶舱 summary of M0; later modules add their figures beside these. */
export const DashboardSummary = z.object({
  orgUnitCount: z.number().int(),
  orgUnitCountsByType: z.record(z.string(), z.number().int()),
  userCount: z.number().int(),
  userCountsByRole: z.record(z.string(), z.number().int()),
  recentAuditCount: z.number().int(),
  /** M1: the plans the reader can see (those of its region and of the regions above and below it). */
  planCount: z.number().int(),
})
export type DashboardSummary = z.infer<typeof DashboardSummary>
