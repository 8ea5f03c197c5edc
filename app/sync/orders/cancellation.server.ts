/**
 * Cancellations. A merchant's cancellation request is a question to the warehouse: yes while the
 * parcel has not been handed to the carrier, no afterwards. A fulfillment order Shopify cancelled
 * outright is cancelled at Onflow too, if it still can be.
 */
import { findHandoff, moveHandoff, recordHandoffDetails, type Handoff, type HandoffState } from "~/models/handoff.server";
import { isOnflowError } from "~/onflow/errors";
import { acceptCancellationRequest, readFulfillmentOrder, rejectCancellationRequest } from "~/shopify/fulfillment-orders.server";
import type { OrderSyncContext } from "./context.server";

const CANCELLABLE: HandoffState[] = ["requested", "submitting", "retrying", "needs_attention", "accepted", "cancel_requested", "rejected"];

type Outcome = { cancelled: true } | { cancelled: false; reason: string };

/** Cancels the shipment at Onflow if one exists and is not yet handed over. */
async function cancelAtOnflow(context: OrderSyncContext, handoff: Handoff): Promise<Outcome> {
  if (!CANCELLABLE.includes(handoff.state as HandoffState)) {
    return { cancelled: false, reason: `Onflow has already handed the parcel to the carrier${handoff.courierTrackingCode ? ` (tracking ${handoff.courierTrackingCode})` : ""}` };
  }
  await moveHandoff(handoff.id, CANCELLABLE, "cancel_requested");
  const trackingCode = handoff.onflowTrackingCode ?? (await context.onflow.findShipmentByReference(handoff.merchantReference))?.trackingCode;
  if (trackingCode) {
    const shipment = await context.onflow.getShipment(trackingCode);
    if (shipment.status.status === "handed_over") {
      await recordHandoffDetails(handoff.id, { onflowTrackingCode: trackingCode, onflowStatus: shipment.status.value });
      await moveHandoff(handoff.id, ["cancel_requested"], "accepted");
      return { cancelled: false, reason: `Onflow has already handed shipment ${trackingCode} to the carrier` };
    }
    if (shipment.status.status !== "cancelled") {
      try {
        const cancellation = await context.onflow.cancelShipment(trackingCode);
        await recordHandoffDetails(handoff.id, { onflowTrackingCode: trackingCode, onflowStatus: cancellation.status.value });
      } catch (error) {
        if (!isOnflowError(error, "SHIPMENT_NOT_CANCELLABLE")) throw error;
        await moveHandoff(handoff.id, ["cancel_requested"], "accepted");
        return { cancelled: false, reason: `Onflow can no longer cancel shipment ${trackingCode}: ${error.messages}` };
      }
    }
  }
  await moveHandoff(handoff.id, ["cancel_requested"], "cancelled", { reason: null });
  return { cancelled: true };
}

export async function answerCancellationRequest(context: OrderSyncContext, fulfillmentOrderId: string): Promise<void> {
  const fulfillmentOrder = await readFulfillmentOrder(context.shopify, fulfillmentOrderId);
  if (fulfillmentOrder?.requestStatus !== "CANCELLATION_REQUESTED") return; // answered already
  const handoff = await findHandoff(fulfillmentOrderId);
  const outcome: Outcome = handoff ? await cancelAtOnflow(context, handoff) : { cancelled: true };
  if (outcome.cancelled) {
    await acceptCancellationRequest(context.shopify, fulfillmentOrderId, "Cancelled at Onflow before hand-over");
  } else {
    await rejectCancellationRequest(context.shopify, fulfillmentOrderId, outcome.reason);
    if (handoff) await recordHandoffDetails(handoff.id, { reason: `Cancellation refused: ${outcome.reason}` });
  }
}

export async function cancelAfterShopifyCancelled(context: OrderSyncContext, fulfillmentOrderId: string): Promise<void> {
  const handoff = await findHandoff(fulfillmentOrderId);
  if (!handoff || handoff.state === "cancelled") return;
  const outcome = await cancelAtOnflow(context, handoff);
  if (!outcome.cancelled) {
    await moveHandoff(handoff.id, ["accepted", "handed_over", "fulfilled"], "needs_attention", {
      reason: `Shopify cancelled the order but ${outcome.reason.charAt(0).toLowerCase()}${outcome.reason.slice(1)}`,
    });
  }
}
