import { findShopHandoff } from "~/models/handoff.server";
import { queueHandoff } from "./order-created.server";

/** The merchant's Retry on a hand-off that needs attention: a fresh hand-off job, same ledger row. */
export async function retryHandoff(shop: string, handoffId: string): Promise<boolean> {
  const handoff = await findShopHandoff(shop, handoffId);
  if (!handoff || handoff.state !== "needs_attention") return false;
  await queueHandoff(shop, handoff.fulfillmentOrderId, `retry:${Date.now()}`);
  return true;
}
