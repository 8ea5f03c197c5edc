/**
 * Job handlers of the order hand-off. Each reads its payload tolerantly (extra fields pass) and
 * reads the fulfillment order fresh from Shopify rather than trusting a possibly stale webhook.
 */
import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext, JobHandler } from "~/jobs/job-context";
import { enqueueJob } from "~/models/job.server";
import { parseOnflowWebhook } from "~/onflow/webhooks";
import { listAssignedFulfillmentOrders } from "~/shopify/fulfillment-orders.server";
import { cancelAfterShopifyCancelled, answerCancellationRequest } from "./cancellation.server";
import { orderSyncContext } from "./context.server";
import { handleFulfillmentRequest } from "./fulfillment-request.server";
import { queueHandoff, submitOrderToOnflow } from "./order-created.server";
import { ORDER_TOPICS } from "./topics";
import { applyShipmentUpdate, pollOpenShipments } from "./tracking.server";

function parse<Schema extends z.ZodType>(schema: Schema, job: JobContext): z.output<Schema> {
  const parsed = schema.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Malformed ${job.topic} payload: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

const gidOf = (type: string) => (id: string | number) => (typeof id === "string" && id.startsWith("gid://") ? id : `gid://shopify/${type}/${id}`);
const fulfillmentOrderRef = z.looseObject({ id: z.union([z.string(), z.number()]).transform(gidOf("FulfillmentOrder")) });

const orderCreatedPayload = z
  .looseObject({ id: z.union([z.string(), z.number()]).optional(), admin_graphql_api_id: z.string().optional() })
  .refine((order) => order.admin_graphql_api_id ?? order.id, "no order id")
  .transform((order) => order.admin_graphql_api_id ?? gidOf("Order")(order.id!));

const requestSubmittedPayload = z
  .looseObject({ original_fulfillment_order: fulfillmentOrderRef.optional(), submitted_fulfillment_order: fulfillmentOrderRef.optional() })
  .refine((payload) => payload.submitted_fulfillment_order ?? payload.original_fulfillment_order, "no fulfillment order")
  .transform((payload) => (payload.submitted_fulfillment_order ?? payload.original_fulfillment_order)!.id);

const fulfillmentOrderPayload = z.looseObject({ fulfillment_order: fulfillmentOrderRef }).transform((payload) => payload.fulfillment_order.id);
const internalPayload = z.looseObject({ fulfillmentOrderId: z.string().min(1) }).transform((payload) => payload.fulfillmentOrderId);

const onOrderCreated: JobHandler = (job) => submitOrderToOnflow(job.shop, parse(orderCreatedPayload, job));
const onFulfillmentRequested: JobHandler = (job) => handleFulfillmentRequest(job, parse(requestSubmittedPayload, job));
const onHandoff: JobHandler = (job) => handleFulfillmentRequest(job, parse(internalPayload, job));

const onCancellationRequested: JobHandler = async (job) => answerCancellationRequest(await orderSyncContext(job.shop), parse(fulfillmentOrderPayload, job));
const onInternalCancellation: JobHandler = async (job) => answerCancellationRequest(await orderSyncContext(job.shop), parse(internalPayload, job));
const onFulfillmentOrderCancelled: JobHandler = async (job) => cancelAfterShopifyCancelled(await orderSyncContext(job.shop), parse(fulfillmentOrderPayload, job));

const onShipmentStatus: JobHandler = async (job) => {
  const event = parseOnflowWebhook(job.payload);
  if (event.kind !== "shipment_status_changed") throw new PermanentJobError(`Not a shipment status update: ${event.kind === "unrecognised" ? event.reason : event.kind}`);
  await applyShipmentUpdate(await orderSyncContext(job.shop), event);
};

const onPollShipments: JobHandler = async (job) => pollOpenShipments(await orderSyncContext(job.shop));

/** Lost webhooks: every request or cancellation waiting at our location gets its own job. */
const onRereadRequests: JobHandler = async (job) => {
  const context = await orderSyncContext(job.shop);
  const locationId = context.shop.locationId;
  if (!locationId) return;
  for (const fulfillmentOrder of await listAssignedFulfillmentOrders(context.shopify, "FULFILLMENT_REQUESTED", locationId)) {
    await queueHandoff(job.shop, fulfillmentOrder.id, `reread:${job.id}`);
  }
  for (const fulfillmentOrder of await listAssignedFulfillmentOrders(context.shopify, "CANCELLATION_REQUESTED", locationId)) {
    await enqueueJob({
      shop: job.shop,
      source: "internal",
      topic: ORDER_TOPICS.cancellation,
      deliveryId: `cancellation:${fulfillmentOrder.id}:reread:${job.id}`,
      payload: { fulfillmentOrderId: fulfillmentOrder.id },
    });
  }
};

export const orderHandlers: Record<string, JobHandler> = {
  [ORDER_TOPICS.orderCreated]: onOrderCreated,
  [ORDER_TOPICS.fulfillmentRequested]: onFulfillmentRequested,
  [ORDER_TOPICS.handoff]: onHandoff,
  [ORDER_TOPICS.cancellationRequested]: onCancellationRequested,
  [ORDER_TOPICS.cancellation]: onInternalCancellation,
  [ORDER_TOPICS.fulfillmentOrderCancelled]: onFulfillmentOrderCancelled,
  [ORDER_TOPICS.shipmentStatusUpdated]: onShipmentStatus,
  [ORDER_TOPICS.pollShipments]: onPollShipments,
  [ORDER_TOPICS.rereadRequests]: onRereadRequests,
};
