import { eq } from 'drizzle-orm'
import type { PlanSettings } from '@kechuang/core/indicators'
import { tables, type Executor } from '@kechuang/db'

const { plans } = tables

type StoredSettings = Pick<PlanSettings, 'pathModel' | 'statusThresholds'>

/** The plan's settings, its row locked until the transaction ends so two saves cannot both read "before". */
export async function findPlanSettingsForUpdate(
  tx: Executor,
  planId: string,
): Promise<StoredSettings | undefined> {
  const rows = await tx
    .select({ pathModel: plans.pathModel, statusThresholds: plans.statusThresholds })
    .from(plans)
    .where(eq(plans.id, planId))
    .for('update')
  return rows[0]
}

export async function updatePlanSettings(
  tx: Executor,
  planId: string,
  settings: StoredSettings,
  at: Date,
): Promise<void> {
  await tx
    .update(plans)
    .set({ ...settings, updatedAt: at })
    .where(eq(plans.id, planId))
}
