import type { GraphqlObject } from "../../emulators/shopify/graphql-object";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningShopifyStandin } from "../../emulators/shopify";
import { startShopifyStandin } from "../../emulators/shopify";
import { adminGraphqlClient } from "../support/admin-graphql-client";

const SHOP = "orders.myshopify.com";
const FO_FIELDS = `id status requestStatus lineItems(first: 10) { nodes { id remainingQuantity totalQuantity } }`;

let standin: RunningShopifyStandin;
let graphql: ReturnType<typeof adminGraphqlClient>;
let onflowLocationId: string;
let inventoryItemId: string;

beforeEach(async () => {
  standin = await startShopifyStandin();
  graphql = adminGraphqlClient(standin.url, SHOP, standin.addShop(SHOP).access_token);
  onflowLocationId = standin.createFulfillmentService(SHOP, { name: "Onflow" }).locationId;
  const { product } = await standin.createProduct(SHOP, { title: "Áo dài", variants: [{ sku: "AO-1", inventory: [{ locationId: onflowLocationId, available: 10 }] }] });
  inventoryItemId = product.variants.nodes[0].inventoryItem.id;
  await standin.createProduct(SHOP, { title: "Tea towel", variants: [{ sku: "TT-1" }] });
});

afterEach(() => standin.close());

async function orderAtOnflow(quantity = 3) {
  const { order } = await standin.createOrder(SHOP, { lineItems: [{ sku: "AO-1", quantity }, { sku: "TT-1", quantity: 1 }] });
  return order.fulfillmentOrders.nodes.find((fo: GraphqlObject) => fo.assignedLocation.location.id === onflowLocationId);
}

const quantities = () =>
  Object.fromEntries(standin.inventoryLevel(SHOP, inventoryItemId, onflowLocationId).quantities.map((q: { name: string; quantity: number }) => [q.name, q.quantity]));

const mutate = (name: string, args: string, selection = `fulfillmentOrder { ${FO_FIELDS} }`) =>
  graphql(`mutation { ${name}(${args}) { ${selection} userErrors { field message } } }`).then((response) => response.data?.[name]);

describe("routing and stock", () => {
  it("splits an order by where each variant is stocked and commits stock at the Onflow location", async () => {
    const { order } = await standin.createOrder(SHOP, { lineItems: [{ sku: "AO-1", quantity: 3 }, { sku: "TT-1", quantity: 1 }] });

    const locations = order.fulfillmentOrders.nodes.map((fo: GraphqlObject) => fo.assignedLocation.location.id);
    expect(locations).toHaveLength(2);
    expect(locations).toContain(onflowLocationId);
    expect(quantities()).toMatchObject({ available: 7, committed: 3, on_hand: 10 });
  });
});

describe("fulfillment request transitions", () => {
  it("goes OPEN/UNSUBMITTED → SUBMITTED → IN_PROGRESS/ACCEPTED → CLOSED, taking shipped stock out of committed and on_hand", async () => {
    const fo = await orderAtOnflow(3);
    expect(fo).toMatchObject({ status: "OPEN", requestStatus: "UNSUBMITTED" });

    const submitted = await mutate("fulfillmentOrderSubmitFulfillmentRequest", `id: "${fo.id}", notifyCustomer: true`, `submittedFulfillmentOrder { ${FO_FIELDS} }`);
    expect(submitted.submittedFulfillmentOrder).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    const requested = await graphql(`{ assignedFulfillmentOrders(first: 5, assignmentStatus: FULFILLMENT_REQUESTED) { nodes { id merchantRequests(first: 1) { nodes { kind requestOptions } } } } }`);
    expect(requested.data?.assignedFulfillmentOrders.nodes).toEqual([{ id: fo.id, merchantRequests: { nodes: [{ kind: "FULFILLMENT_REQUEST", requestOptions: { notify_customer: true } }] } }]);

    const accepted = await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}", message: "Onflow OF123"`);
    expect(accepted).toMatchObject({ fulfillmentOrder: { status: "IN_PROGRESS", requestStatus: "ACCEPTED" }, userErrors: [] });

    const lineId = fo.lineItems.nodes[0].id;
    const partial = await graphql(`mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "${fo.id}", fulfillmentOrderLineItems: [{ id: "${lineId}", quantity: 1 }] }], trackingInfo: { number: "GHN1", company: "GHN" }, notifyCustomer: true }) { fulfillment { status trackingInfo { number company } } userErrors { message } } }`);
    expect(partial.data?.fulfillmentCreate).toEqual({ fulfillment: { status: "SUCCESS", trackingInfo: [{ number: "GHN1", company: "GHN" }] }, userErrors: [] });
    expect(standin.fulfillmentOrder(SHOP, fo.id)).toMatchObject({ status: "IN_PROGRESS" });

    await graphql(`mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "${fo.id}" }] }) { userErrors { message } } }`);
    expect(standin.fulfillmentOrder(SHOP, fo.id)).toMatchObject({ status: "CLOSED", lineItems: { nodes: [{ remainingQuantity: 0 }] } });
    expect(quantities()).toMatchObject({ available: 7, committed: 0, on_hand: 7 });
  });

  it("refuses to accept a request that was never submitted, or twice", async () => {
    const fo = await orderAtOnflow();

    const early = await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}"`);
    expect(early).toEqual({ fulfillmentOrder: null, userErrors: [{ field: ["id"], message: expect.stringMatching(/UNSUBMITTED, not SUBMITTED/) }] });

    await standin.submitFulfillmentRequest(SHOP, fo.id);
    await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}"`);
    const twice = await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}"`);
    expect(twice.userErrors[0].message).toMatch(/ACCEPTED, not SUBMITTED/);
  });

  it("refuses to fulfil more than remains, and changes nothing", async () => {
    const fo = await orderAtOnflow(2);
    await standin.submitFulfillmentRequest(SHOP, fo.id);
    await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}"`);

    const response = await graphql(`mutation { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "${fo.id}", fulfillmentOrderLineItems: [{ id: "${fo.lineItems.nodes[0].id}", quantity: 3 }] }] }) { fulfillment { id } userErrors { field message } } }`);

    expect(response.data?.fulfillmentCreate.fulfillment).toBeNull();
    expect(response.data?.fulfillmentCreate.userErrors[0].message).toMatch(/more than the 2 that remain/);
    expect(quantities()).toMatchObject({ committed: 2, on_hand: 10 });
  });

  it("rejects with a Shopify reason and lets the merchant request again", async () => {
    const fo = await orderAtOnflow();
    await standin.submitFulfillmentRequest(SHOP, fo.id);

    const rejected = await mutate("fulfillmentOrderRejectFulfillmentRequest", `id: "${fo.id}", reason: INVALID_SKU, message: "AO-1 is not active at Onflow"`);
    expect(rejected.fulfillmentOrder).toMatchObject({ status: "OPEN", requestStatus: "REJECTED" });
    await expect(standin.submitFulfillmentRequest(SHOP, fo.id)).resolves.toMatchObject({ fulfillmentOrder: { requestStatus: "SUBMITTED" } });
  });
});

describe("cancellation requests", () => {
  async function acceptedFulfillmentOrder() {
    const fo = await orderAtOnflow(3);
    await standin.submitFulfillmentRequest(SHOP, fo.id);
    await mutate("fulfillmentOrderAcceptFulfillmentRequest", `id: "${fo.id}"`);
    return fo;
  }

  it("accepting one cancels the fulfillment order and gives committed stock back", async () => {
    const fo = await acceptedFulfillmentOrder();
    await standin.requestCancellation(SHOP, fo.id, "Customer changed their mind");

    const listed = await graphql(`{ assignedFulfillmentOrders(first: 5, assignmentStatus: CANCELLATION_REQUESTED) { nodes { id } } }`);
    expect(listed.data?.assignedFulfillmentOrders.nodes).toEqual([{ id: fo.id }]);
    const accepted = await mutate("fulfillmentOrderAcceptCancellationRequest", `id: "${fo.id}"`);
    expect(accepted.fulfillmentOrder).toMatchObject({ status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" });
    expect(quantities()).toMatchObject({ available: 10, committed: 0 });
  });

  it("rejecting one keeps the work in progress, and answering twice is refused", async () => {
    const fo = await acceptedFulfillmentOrder();
    await standin.requestCancellation(SHOP, fo.id);

    const rejected = await mutate("fulfillmentOrderRejectCancellationRequest", `id: "${fo.id}", message: "Already handed to the carrier"`);
    expect(rejected.fulfillmentOrder).toMatchObject({ status: "IN_PROGRESS", requestStatus: "CANCELLATION_REJECTED" });
    const again = await mutate("fulfillmentOrderAcceptCancellationRequest", `id: "${fo.id}"`);
    expect(again.userErrors[0].message).toMatch(/not CANCELLATION_REQUESTED/);
  });

  it("cancelling an order whose request was not accepted yet cancels its fulfillment order outright", async () => {
    const fo = await orderAtOnflow();
    await standin.submitFulfillmentRequest(SHOP, fo.id);

    const { deliveries } = await standin.cancelOrder(SHOP, fo.orderId);

    expect(standin.fulfillmentOrder(SHOP, fo.id)).toMatchObject({ status: "CANCELLED" });
    expect(deliveries.map((delivery) => delivery.topic)).toEqual(["fulfillment_orders/cancelled", "orders/cancelled"]);
  });
});
