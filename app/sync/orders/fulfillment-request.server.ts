/**
 * Answers one fulfillment request: Onflow B2C shipment created exactly once, then Shopify's request
 * accepted (or rejected with a reason the merchant can act on).
 *
 * Exactly once: the ledger row is written (state "submitting") before Onflow is called, and any
 * resumed attempt first asks Onflow for a shipment with our merchant reference. Onflow refusing a
 * duplicate reference is read as "it already exists".
 */
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { activeOasinsForVariants, findHandoff, moveHandoff, openHandoff, recordHandoffDetails, type Handoff, type HandoffState } from "~/models/handoff.server";
import { isOnflowError } from "~/onflow/errors";
import type { Shipment } from "~/onflow/gateway";
import { acceptFulfillmentRequest, readFulfillmentOrder, rejectFulfillmentRequest, type RejectionReason } from "~/shopify/fulfillment-orders.server";
import { orderSyncContext, type OrderSyncContext } from "./context.server";
import { markNeedsAttentionWhenOutOfAttempts } from "./needs-attention.server";
import { merchantReferenceFor, planShipment } from "./shipment-mapper";

const REJECTED_BY_ONFLOW = new Set(["PRODUCTS_INACTIVE", "PRODUCTS_NOT_MAPPED_IN_WAREHOUSE", "PRODUCTS_BY_OASIN_NOT_FOUND"]);
/** States in which an Onflow shipment may already exist for this reference. */
const MAYBE_CREATED: HandoffState[] = ["submitting", "retrying", "needs_attention"];
const STARTABLE: HandoffState[] = ["requested", "rejected", ...MAYBE_CREATED];

export async function handleFulfillmentRequest(job: JobContext, fulfillmentOrderId: string): Promise<void> {
  const existing = await findHandoff(fulfillmentOrderId);
  // The ledger moves to "accepted" only once Shopify has taken the acceptance, so a request that
  // arrives again (webhook plus our own queueing plus the re-read) costs no Shopify query points.
  if (existing && !STARTABLE.includes(existing.state as HandoffState)) return;

  const context = await orderSyncContext(job.shop);
  const fulfillmentOrder = await readFulfillmentOrder(context.shopify, fulfillmentOrderId);
  if (!fulfillmentOrder) throw new PermanentJobError(`Shopify has no fulfillment order ${fulfillmentOrderId}`);
  // Answered already, withdrawn, or cancelled by the merchant while the request waited.
  if (fulfillmentOrder.status !== "OPEN" || fulfillmentOrder.requestStatus !== "SUBMITTED") return;

  const handoff =
    existing ??
    (await openHandoff({
      shop: job.shop,
      fulfillmentOrderId,
      orderId: fulfillmentOrder.order.id,
      orderName: fulfillmentOrder.order.name,
      merchantReference: merchantReferenceFor(fulfillmentOrder.order.name, fulfillmentOrderId),
    }));

  await markNeedsAttentionWhenOutOfAttempts(job, handoff.id, async () => {
    // A resumed hand-off may already have its shipment: never plan (or reject) past an existing one.
    const resuming = MAYBE_CREATED.includes(handoff.state as HandoffState);
    const existingCode =
      handoff.onflowTrackingCode ?? (resuming ? (await context.onflow.findShipmentByReference(handoff.merchantReference))?.trackingCode : undefined);

    let trackingCode = existingCode;
    if (!trackingCode) {
      const variantIds = fulfillmentOrder.lineItems.nodes.flatMap((line) => (line.variant ? [line.variant.id] : []));
      const plan = planShipment(fulfillmentOrder, await activeOasinsForVariants(job.shop, variantIds), {
        warehouseCode: context.shop.warehouseCode,
        platform: context.shop.onflowPlatform,
      });
      if (plan.kind === "refused") {
        await reject(context, handoff, plan.reason, plan.message);
        return;
      }
      if (!(await moveHandoff(handoff.id, STARTABLE, "submitting", { reason: null, rejectionReason: null }))) return;
      try {
        trackingCode = (await createOrFind(context, plan.shipment)).trackingCode;
      } catch (error) {
        if (isOnflowError(error) && REJECTED_BY_ONFLOW.has(String(error.code))) {
          await reject(context, handoff, "OTHER", `Onflow refused the shipment (${error.code}): ${error.messages}`);
          return;
        }
        throw error;
      }
    } else {
      await moveHandoff(handoff.id, STARTABLE, "submitting", { reason: null });
    }

    await recordHandoffDetails(handoff.id, { onflowTrackingCode: trackingCode });
    await acceptFulfillmentRequest(context.shopify, fulfillmentOrderId, acceptanceMessage(trackingCode));
    await moveHandoff(handoff.id, ["submitting"], "accepted", { acceptedAt: new Date(), reason: null });
  });
}

async function createOrFind(context: OrderSyncContext, shipment: Parameters<OrderSyncContext["onflow"]["createShipment"]>[0]): Promise<Pick<Shipment, "trackingCode">> {
  try {
    return await context.onflow.createShipment(shipment);
  } catch (error) {
    if (!isOnflowError(error, "SHIPMENT_REFERENCE_ALREADY_EXISTS")) throw error;
    const found = await context.onflow.findShipmentByReference(shipment.merchantReference);
    if (!found) throw new Error(`Onflow reports ${shipment.merchantReference} exists but cannot find it yet`, { cause: error });
    return found;
  }
}

async function reject(context: OrderSyncContext, handoff: Handoff, reason: RejectionReason, message: string) {
  await rejectFulfillmentRequest(context.shopify, handoff.fulfillmentOrderId, reason, message);
  await moveHandoff(handoff.id, STARTABLE, "rejected", { rejectionReason: reason, reason: message });
}

function acceptanceMessage(trackingCode: string) {
  return `Onflow shipment ${trackingCode} created`;
}
