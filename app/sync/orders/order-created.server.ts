import { enqueueJob } from "~/models/job.server";
import { findShop } from "~/models/shop.server";
import { shopifyAdmin } from "~/shopify/admin.server";
import { readOrderFulfillmentOrders, submitFulfillmentRequest, type FulfillmentOrderSummary } from "~/shopify/fulfillment-orders.server";
import { ORDER_TOPICS } from "./topics";

/** Only OPEN, never-requested work at our location: held and scheduled orders wait for their release. */
export function requestableAt(locationId: string, fulfillmentOrder: FulfillmentOrderSummary): boolean {
  return fulfillmentOrder.status === "OPEN" && fulfillmentOrder.requestStatus === "UNSUBMITTED" && fulfillmentOrder.assignedLocation.location?.id === locationId;
}

/**
 * orders/create: with automatic sending on, ask Shopify to route the order's Onflow fulfillment
 * orders to us, then queue their hand-off (the request webhook would too; the ledger makes both safe).
 */
export async function submitOrderToOnflow(shopDomain: string, orderId: string): Promise<void> {
  const shop = await findShop(shopDomain);
  if (!shop || shop.uninstalledAt || !shop.autoSendOrders || !shop.locationId || !shop.onflowTokenCipher) return;
  const admin = await shopifyAdmin(shopDomain);
  const fulfillmentOrders = (await readOrderFulfillmentOrders(admin, orderId)) ?? [];
  for (const fulfillmentOrder of fulfillmentOrders.filter((candidate) => requestableAt(shop.locationId!, candidate))) {
    const submittedId = await submitFulfillmentRequest(admin, fulfillmentOrder.id, "Sent to Onflow automatically");
    await queueHandoff(shopDomain, submittedId, "auto");
  }
}

export async function queueHandoff(shop: string, fulfillmentOrderId: string, cause: string) {
  await enqueueJob({
    shop,
    source: "internal",
    topic: ORDER_TOPICS.handoff,
    deliveryId: `handoff:${fulfillmentOrderId}:${cause}`,
    payload: { fulfillmentOrderId },
  });
}
