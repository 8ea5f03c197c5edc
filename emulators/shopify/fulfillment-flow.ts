import { releaseCommitted, shipCommitted } from "./inventory-quantities";
import type { Fulfillment, FulfillmentOrder, FulfillmentOrderLineItem, MerchantRequest, Outcome, TrackingInfo, UserErrorShape } from "./model";
import { fail, succeed } from "./model";
import type { ShopStore } from "./shop-store";
import { cancellationRequestSubmittedPayload, fulfillmentOrderCancelledPayload, fulfillmentRequestSubmittedPayload, orderWebhookPayload } from "./webhook-payloads";

// The fulfillment-service side of a fulfillment order's life, as Shopify's guide for fulfillment
// service apps describes it:
//   OPEN/UNSUBMITTED --submit--> OPEN/SUBMITTED --accept--> IN_PROGRESS/ACCEPTED --fulfil all--> CLOSED
//                                      \--reject--> OPEN/REJECTED   \--cancel request--> IN_PROGRESS/CANCELLATION_REQUESTED
//   CANCELLATION_REQUESTED --accept--> CANCELLED/CANCELLATION_ACCEPTED, --reject--> IN_PROGRESS/CANCELLATION_REJECTED
// Every refused transition is a userError and changes nothing.

export interface LineQuantity {
  id: number;
  quantity: number;
}

function find(store: ShopStore, id: number | undefined): Outcome<FulfillmentOrder> {
  const fulfillmentOrder = id === undefined ? undefined : store.fulfillmentOrders.get(id);
  return fulfillmentOrder ? succeed(fulfillmentOrder) : fail("Fulfillment order does not exist.", ["id"]);
}

function touch(fulfillmentOrder: FulfillmentOrder): void {
  fulfillmentOrder.updatedAt = new Date();
}

function addMerchantRequest(store: ShopStore, fulfillmentOrder: FulfillmentOrder, kind: MerchantRequest["kind"], message: string | null, requestOptions: Record<string, unknown>): MerchantRequest {
  const request: MerchantRequest = { id: store.newId(), kind, message, requestOptions, responseData: null, sentAt: new Date() };
  fulfillmentOrder.merchantRequests.push(request);
  return request;
}

function recordResponse(fulfillmentOrder: FulfillmentOrder, kind: MerchantRequest["kind"], response: Record<string, unknown>): void {
  const request = fulfillmentOrder.merchantRequests.filter((candidate) => candidate.kind === kind).at(-1);
  if (request) request.responseData = response;
}

export interface SubmittedRequest {
  original: FulfillmentOrder;
  submitted: FulfillmentOrder;
  unsubmitted: FulfillmentOrder | null;
}

export function submitFulfillmentRequest(
  store: ShopStore,
  id: number | undefined,
  options: { message?: string | null; notifyCustomer?: boolean | null; lineItems?: LineQuantity[] | null },
): Outcome<SubmittedRequest> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  if (!store.isFulfillmentServiceLocation(fulfillmentOrder.locationId)) {
    return fail("Fulfillment order is not assigned to a fulfillment service location.", ["id"]);
  }
  if (fulfillmentOrder.status !== "OPEN") {
    return fail(`Fulfillment order has status ${fulfillmentOrder.status} and can only be requested when OPEN.`, ["id"]);
  }
  if (fulfillmentOrder.requestStatus !== "UNSUBMITTED" && fulfillmentOrder.requestStatus !== "REJECTED") {
    return fail(`Fulfillment order already has request status ${fulfillmentOrder.requestStatus}.`, ["id"]);
  }
  const requested = new Map<number, number>();
  for (const [index, line] of (options.lineItems ?? []).entries()) {
    const lineItem = fulfillmentOrder.lineItems.find((candidate) => candidate.id === line.id);
    if (!lineItem) return fail("Fulfillment order line item does not belong to this fulfillment order.", ["fulfillmentOrderLineItems", String(index), "id"]);
    if (line.quantity < 1 || line.quantity > lineItem.remainingQuantity) {
      return fail("Quantity must be between 1 and the remaining quantity.", ["fulfillmentOrderLineItems", String(index), "quantity"]);
    }
    requested.set(line.id, line.quantity);
  }

  const now = new Date();
  let unsubmitted: FulfillmentOrder | null = null;
  const isPartial = requested.size > 0 && fulfillmentOrder.lineItems.some((line) => (requested.get(line.id) ?? 0) < line.remainingQuantity);
  if (isPartial) {
    const remainder: FulfillmentOrderLineItem[] = fulfillmentOrder.lineItems
      .map((line) => ({ id: store.newId(), lineItemId: line.lineItemId, totalQuantity: line.remainingQuantity - (requested.get(line.id) ?? 0), remainingQuantity: line.remainingQuantity - (requested.get(line.id) ?? 0) }))
      .filter((line) => line.remainingQuantity > 0);
    fulfillmentOrder.lineItems = fulfillmentOrder.lineItems
      .filter((line) => requested.has(line.id))
      .map((line) => ({ ...line, totalQuantity: requested.get(line.id)!, remainingQuantity: requested.get(line.id)! }));
    unsubmitted = { ...fulfillmentOrder, id: store.newId(), lineItems: remainder, merchantRequests: [], fulfillmentHolds: [], requestStatus: "UNSUBMITTED", createdAt: now, updatedAt: now };
    store.fulfillmentOrders.set(unsubmitted.id, unsubmitted);
  }
  fulfillmentOrder.requestStatus = "SUBMITTED";
  touch(fulfillmentOrder);
  const request = addMerchantRequest(store, fulfillmentOrder, "FULFILLMENT_REQUEST", options.message ?? null, { notify_customer: options.notifyCustomer ?? false });
  store.emit("fulfillment_orders/fulfillment_request_submitted", fulfillmentRequestSubmittedPayload(fulfillmentOrder, fulfillmentOrder, request));
  return succeed({ original: fulfillmentOrder, submitted: fulfillmentOrder, unsubmitted });
}

export function acceptFulfillmentRequest(store: ShopStore, id: number | undefined, message?: string | null): Outcome<FulfillmentOrder> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  if (fulfillmentOrder.requestStatus !== "SUBMITTED") {
    return fail(`Cannot accept a fulfillment request: the fulfillment order's request status is ${fulfillmentOrder.requestStatus}, not SUBMITTED.`, ["id"]);
  }
  fulfillmentOrder.status = "IN_PROGRESS";
  fulfillmentOrder.requestStatus = "ACCEPTED";
  recordResponse(fulfillmentOrder, "FULFILLMENT_REQUEST", { accepted: true, message: message ?? null });
  touch(fulfillmentOrder);
  return succeed(fulfillmentOrder);
}

export function rejectFulfillmentRequest(store: ShopStore, id: number | undefined, options: { message?: string | null; reason?: string | null }): Outcome<FulfillmentOrder> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  if (fulfillmentOrder.requestStatus !== "SUBMITTED") {
    return fail(`Cannot reject a fulfillment request: the fulfillment order's request status is ${fulfillmentOrder.requestStatus}, not SUBMITTED.`, ["id"]);
  }
  fulfillmentOrder.requestStatus = "REJECTED";
  recordResponse(fulfillmentOrder, "FULFILLMENT_REQUEST", { accepted: false, reason: options.reason ?? null, message: options.message ?? null });
  touch(fulfillmentOrder);
  return succeed(fulfillmentOrder);
}

export function submitCancellationRequest(store: ShopStore, id: number | undefined, message?: string | null): Outcome<FulfillmentOrder> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  const accepted = fulfillmentOrder.requestStatus === "ACCEPTED" || fulfillmentOrder.requestStatus === "CANCELLATION_REJECTED";
  if (fulfillmentOrder.status !== "IN_PROGRESS" || !accepted) {
    return fail(`Cannot request cancellation: the fulfillment order is ${fulfillmentOrder.status}/${fulfillmentOrder.requestStatus}; only an accepted, in-progress fulfillment order can be asked to cancel.`, ["id"]);
  }
  fulfillmentOrder.requestStatus = "CANCELLATION_REQUESTED";
  touch(fulfillmentOrder);
  const request = addMerchantRequest(store, fulfillmentOrder, "CANCELLATION_REQUEST", message ?? null, {});
  store.emit("fulfillment_orders/cancellation_request_submitted", cancellationRequestSubmittedPayload(fulfillmentOrder, request));
  return succeed(fulfillmentOrder);
}

export function acceptCancellationRequest(store: ShopStore, id: number | undefined, message?: string | null): Outcome<FulfillmentOrder> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  if (fulfillmentOrder.requestStatus !== "CANCELLATION_REQUESTED") {
    return fail(`Cannot accept a cancellation request: the fulfillment order's request status is ${fulfillmentOrder.requestStatus}, not CANCELLATION_REQUESTED.`, ["id"]);
  }
  cancel(store, fulfillmentOrder);
  fulfillmentOrder.requestStatus = "CANCELLATION_ACCEPTED";
  recordResponse(fulfillmentOrder, "CANCELLATION_REQUEST", { accepted: true, message: message ?? null });
  return succeed(fulfillmentOrder);
}

export function rejectCancellationRequest(store: ShopStore, id: number | undefined, message?: string | null): Outcome<FulfillmentOrder> {
  const found = find(store, id);
  if (!found.ok) return found;
  const fulfillmentOrder = found.value;
  if (fulfillmentOrder.requestStatus !== "CANCELLATION_REQUESTED") {
    return fail(`Cannot reject a cancellation request: the fulfillment order's request status is ${fulfillmentOrder.requestStatus}, not CANCELLATION_REQUESTED.`, ["id"]);
  }
  fulfillmentOrder.requestStatus = "CANCELLATION_REJECTED";
  recordResponse(fulfillmentOrder, "CANCELLATION_REQUEST", { accepted: false, message: message ?? null });
  touch(fulfillmentOrder);
  return succeed(fulfillmentOrder);
}

/** Cancelling gives the committed stock back to available at the assigned location. */
function cancel(store: ShopStore, fulfillmentOrder: FulfillmentOrder): void {
  const now = new Date();
  for (const line of fulfillmentOrder.lineItems) {
    const level = inventoryLevelFor(store, fulfillmentOrder, line);
    if (level && line.remainingQuantity > 0) releaseCommitted(level, line.remainingQuantity, now);
  }
  fulfillmentOrder.status = "CANCELLED";
  touch(fulfillmentOrder);
}

function inventoryLevelFor(store: ShopStore, fulfillmentOrder: FulfillmentOrder, line: FulfillmentOrderLineItem) {
  const lineItem = store.orders.get(fulfillmentOrder.orderId)?.lineItems.find((candidate) => candidate.id === line.lineItemId);
  const variant = lineItem?.variantId == null ? undefined : store.variants.get(lineItem.variantId);
  return variant && store.inventoryLevel(variant.inventoryItemId, fulfillmentOrder.locationId);
}

/**
 * The merchant cancels the order: work the service already accepted becomes a cancellation
 * request it must answer; anything not yet accepted is cancelled outright.
 */
export function cancelOrder(store: ShopStore, orderId: number): Outcome<FulfillmentOrder[]> {
  const order = store.orders.get(orderId);
  if (!order) return fail("Order does not exist.", ["id"]);
  if (order.cancelledAt) return fail("Order has already been cancelled.", ["id"]);
  order.cancelledAt = new Date();
  order.updatedAt = order.cancelledAt;
  const affected = store.fulfillmentOrdersOf(orderId).filter((fulfillmentOrder) => fulfillmentOrder.status !== "CLOSED" && fulfillmentOrder.status !== "CANCELLED");
  for (const fulfillmentOrder of affected) {
    if (fulfillmentOrder.status === "IN_PROGRESS") {
      submitCancellationRequest(store, fulfillmentOrder.id, "The order was cancelled");
    } else {
      cancel(store, fulfillmentOrder);
      if (store.isFulfillmentServiceLocation(fulfillmentOrder.locationId)) store.emit("fulfillment_orders/cancelled", fulfillmentOrderCancelledPayload(fulfillmentOrder));
    }
  }
  store.emit("orders/cancelled", orderWebhookPayload(store, order));
  return succeed(affected);
}

export interface FulfillmentRequest {
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: number | undefined; fulfillmentOrderLineItems?: { id: number | undefined; quantity: number }[] | null }[];
  notifyCustomer?: boolean | null;
  trackingInfo?: { number?: string | null; numbers?: string[] | null; url?: string | null; urls?: string[] | null; company?: string | null } | null;
}

function trackingInfoOf(input: FulfillmentRequest["trackingInfo"]): TrackingInfo[] {
  if (!input) return [];
  const numbers = input.numbers?.length ? input.numbers : input.number ? [input.number] : [];
  const urls = input.urls?.length ? input.urls : input.url ? [input.url] : [];
  return numbers.map((number, index) => ({ company: input.company ?? null, number, url: urls[index] ?? null }));
}

/** Validates every line before touching anything, so a refused fulfillment changes nothing. */
export function createFulfillment(store: ShopStore, input: FulfillmentRequest): Outcome<Fulfillment> {
  const errors: UserErrorShape[] = [];
  const plan: { fulfillmentOrder: FulfillmentOrder; line: FulfillmentOrderLineItem; quantity: number }[] = [];
  const orderIds = new Set<number>();
  for (const [groupIndex, group] of input.lineItemsByFulfillmentOrder.entries()) {
    const field = ["fulfillment", "lineItemsByFulfillmentOrder", String(groupIndex)];
    const fulfillmentOrder = group.fulfillmentOrderId === undefined ? undefined : store.fulfillmentOrders.get(group.fulfillmentOrderId);
    if (!fulfillmentOrder) {
      errors.push({ field: [...field, "fulfillmentOrderId"], message: "Fulfillment order does not exist." });
      continue;
    }
    orderIds.add(fulfillmentOrder.orderId);
    const ownedByService = store.isFulfillmentServiceLocation(fulfillmentOrder.locationId);
    const fulfillable = ownedByService
      ? fulfillmentOrder.status === "IN_PROGRESS" && (fulfillmentOrder.requestStatus === "ACCEPTED" || fulfillmentOrder.requestStatus === "CANCELLATION_REJECTED")
      : fulfillmentOrder.status === "OPEN" || fulfillmentOrder.status === "IN_PROGRESS";
    if (!fulfillable) {
      errors.push({ field: [...field, "fulfillmentOrderId"], message: `Fulfillment order is ${fulfillmentOrder.status}/${fulfillmentOrder.requestStatus} and cannot be fulfilled.` });
      continue;
    }
    const lines = group.fulfillmentOrderLineItems?.length
      ? group.fulfillmentOrderLineItems
      : fulfillmentOrder.lineItems.filter((line) => line.remainingQuantity > 0).map((line) => ({ id: line.id, quantity: line.remainingQuantity }));
    for (const [lineIndex, requested] of lines.entries()) {
      const lineField = [...field, "fulfillmentOrderLineItems", String(lineIndex)];
      const line = fulfillmentOrder.lineItems.find((candidate) => candidate.id === requested.id);
      if (!line) errors.push({ field: [...lineField, "id"], message: "Fulfillment order line item does not belong to this fulfillment order." });
      else if (requested.quantity < 1 || requested.quantity > line.remainingQuantity) {
        errors.push({ field: [...lineField, "quantity"], message: `Quantity ${requested.quantity} is more than the ${line.remainingQuantity} that remain to be fulfilled.` });
      } else plan.push({ fulfillmentOrder, line, quantity: requested.quantity });
    }
  }
  if (orderIds.size > 1) errors.push({ field: ["fulfillment", "lineItemsByFulfillmentOrder"], message: "All fulfillment orders must belong to the same order." });
  if (errors.length) return { ok: false, userErrors: errors };
  if (plan.length === 0) return fail("There is nothing left to fulfill.", ["fulfillment", "lineItemsByFulfillmentOrder"]);

  const now = new Date();
  const orderId = plan[0].fulfillmentOrder.orderId;
  for (const { fulfillmentOrder, line, quantity } of plan) {
    line.remainingQuantity -= quantity;
    const level = inventoryLevelFor(store, fulfillmentOrder, line);
    if (level) shipCommitted(level, quantity, now);
  }
  for (const fulfillmentOrder of new Set(plan.map((step) => step.fulfillmentOrder))) {
    fulfillmentOrder.status = fulfillmentOrder.lineItems.every((line) => line.remainingQuantity === 0) ? "CLOSED" : "IN_PROGRESS";
    touch(fulfillmentOrder);
  }
  const order = store.orders.get(orderId)!;
  const fulfillment: Fulfillment = {
    id: store.newId(),
    orderId,
    locationId: plan[0].fulfillmentOrder.locationId,
    name: `${order.name}.${[...store.fulfillments.values()].filter((existing) => existing.orderId === orderId).length + 1}`,
    status: "SUCCESS",
    notifyCustomer: input.notifyCustomer ?? false,
    trackingInfo: trackingInfoOf(input.trackingInfo),
    lineItems: plan.map(({ fulfillmentOrder, line, quantity }) => ({ id: store.newId(), lineItemId: line.lineItemId, fulfillmentOrderId: fulfillmentOrder.id, quantity })),
    createdAt: now,
  };
  store.fulfillments.set(fulfillment.id, fulfillment);
  return succeed(fulfillment);
}
