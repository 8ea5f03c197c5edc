/**
 * Onflow shipment status → Shopify. At HANDOVER the fulfillment order is fulfilled with the courier's
 * tracking code, once: the ledger's state guard stops a second run, and a fulfillment order Shopify
 * already closed (we crashed after fulfilling, before recording it) is only recorded.
 */
import { findHandoffByTracking, handoffsAwaitingHandover, moveHandoff, recordHandoffDetails, type Handoff } from "~/models/handoff.server";
import type { Shipment, StatusInfo } from "~/onflow/gateway";
import type { ShipmentStatus } from "~/onflow/statuses";
import { createFulfillment, readFulfillmentOrder } from "~/shopify/fulfillment-orders.server";
import type { OrderSyncContext } from "./context.server";

export interface ShipmentUpdate {
  trackingCode: string;
  merchantReference: string | null;
  courierTrackingCode: string | null;
  courierName: string | null;
  status: StatusInfo<ShipmentStatus>;
}

export async function applyShipmentUpdate(context: OrderSyncContext, update: ShipmentUpdate): Promise<void> {
  const handoff = await findHandoffByTracking(context.shop.domain, update.trackingCode, update.merchantReference);
  if (!handoff) return; // not one of ours (or created outside the app)
  await recordHandoffDetails(handoff.id, {
    onflowStatus: update.status.value ?? handoff.onflowStatus,
    ...(update.courierTrackingCode ? { courierTrackingCode: update.courierTrackingCode } : {}),
    ...(update.courierName ? { courierName: update.courierName } : {}),
  });
  if (update.status.status === "handed_over") await fulfilAtHandover(context, handoff, update);
  if (update.status.status === "cancelled") await recordOnflowCancellation(handoff, update.trackingCode);
}

/** Expected after our own cancel; otherwise the warehouse dropped an order Shopify still expects. */
async function recordOnflowCancellation(handoff: Handoff, trackingCode: string) {
  if (await moveHandoff(handoff.id, ["cancel_requested"], "cancelled")) return;
  await moveHandoff(handoff.id, ["accepted"], "needs_attention", {
    reason: `Onflow cancelled shipment ${trackingCode}; the Shopify fulfillment order is still open`,
  });
}

async function fulfilAtHandover(context: OrderSyncContext, handoff: Handoff, update: ShipmentUpdate) {
  const handedOver = await moveHandoff(handoff.id, ["accepted", "handed_over"], "handed_over", { handedOverAt: handoff.handedOverAt ?? new Date() });
  if (!handedOver) return;
  let courierTrackingCode = update.courierTrackingCode ?? handedOver.courierTrackingCode;
  let courierName = update.courierName ?? handedOver.courierName;
  if (!courierTrackingCode) {
    const detail = await context.onflow.getShipment(update.trackingCode);
    courierTrackingCode = detail.courierTrackingCode;
    courierName = courierName ?? detail.courierName;
  }
  const fulfillmentOrder = await readFulfillmentOrder(context.shopify, handoff.fulfillmentOrderId);
  const stillOpen = fulfillmentOrder && fulfillmentOrder.status === "IN_PROGRESS" && fulfillmentOrder.lineItems.nodes.some((line) => line.remainingQuantity > 0);
  if (stillOpen) {
    await createFulfillment(context.shopify, {
      fulfillmentOrderId: handoff.fulfillmentOrderId,
      trackingNumber: courierTrackingCode ?? update.trackingCode,
      trackingCompany: courierName,
      notifyCustomer: context.shop.notifyCustomer,
    });
  }
  await moveHandoff(handoff.id, ["handed_over"], "fulfilled", {
    fulfilledAt: new Date(),
    courierTrackingCode: courierTrackingCode ?? null,
    courierName: courierName ?? null,
    reason: stillOpen || fulfillmentOrder?.status === "CLOSED" ? null : `Shopify fulfillment order was ${fulfillmentOrder?.status ?? "gone"} at hand-over; nothing to fulfil`,
  });
}

/** Covers lost webhooks: asks Onflow about every shipment not yet handed over and fulfilled. */
export async function pollOpenShipments(context: OrderSyncContext): Promise<void> {
  for (const handoff of await handoffsAwaitingHandover(context.shop.domain)) {
    const shipment: Shipment = await context.onflow.getShipment(handoff.onflowTrackingCode!);
    await applyShipmentUpdate(context, shipment);
  }
}
