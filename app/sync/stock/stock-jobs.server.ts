import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { parseOnflowWebhook } from "~/onflow/webhooks";
import { runStockSync } from "./run-stock-sync.server";

import { STOCK_SYNC_TOPIC } from "./topics";

/** `{ trigger: "manual" }` from "Sync stock now", `{ scheduledAt }` from the scheduler. */
const stockSyncPayloadSchema = z.looseObject({ trigger: z.enum(["manual", "scheduled"]).optional(), scheduledAt: z.string().optional() });

/** The scheduler's slot job and the dashboard's "Sync stock now" both land here. */
export async function handleStockSyncJob(job: JobContext) {
  const payload = stockSyncPayloadSchema.safeParse(job.payload);
  if (!payload.success) throw new PermanentJobError(`Unexpected ${STOCK_SYNC_TOPIC} payload: ${payload.error.message}`);
  await runStockSync(job.shop, { trigger: payload.data.trigger ?? "scheduled" });
}

/**
 * Onflow's Updated Stock names one product. Its remaining_stock has an unknown scope (warehouse?
 * grade?), so the product's stock is read again from Get Stock and written through the same path.
 */
export async function handleStockWebhookJob(job: JobContext) {
  const event = parseOnflowWebhook(job.payload);
  if (event.kind !== "stock_updated") throw new PermanentJobError(`Not an Updated Stock event: ${"reason" in event ? event.reason : event.kind}`);
  await runStockSync(job.shop, { trigger: "webhook", oasins: [event.oasin] });
}
