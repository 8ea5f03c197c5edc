import { nudgeWorker } from "~/jobs/runtime.server";
import { enqueueJob } from "~/models/job.server";
import { STOCK_SYNC_TOPIC } from "./topics";

const MANUAL_DEBOUNCE_MS = 60_000;

/** "Sync stock now": repeated clicks within a minute queue one run. Returns false when one is already queued. */
export async function requestStockSync(shop: string, now = new Date()): Promise<boolean> {
  const queued = await enqueueJob({
    shop,
    source: "internal",
    topic: STOCK_SYNC_TOPIC,
    deliveryId: `${STOCK_SYNC_TOPIC}:manual:${shop}:${Math.floor(now.getTime() / MANUAL_DEBOUNCE_MS)}`,
    payload: { trigger: "manual" },
  });
  if (queued) nudgeWorker();
  return queued;
}
