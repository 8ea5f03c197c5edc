import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness";
import { startHarness } from "../support/harness";
import { waitUntil } from "../support/wait-until";

// The built app, the Onflow emulator and the Shopify stand-in as separate processes: an order placed
// in "Shopify" must reach Onflow and come back as a fulfillment with no manual step.

let harness: Harness;
let variantId: string;

async function control<Result>(path: string, method = "GET", body?: unknown): Promise<Result> {
  const response = await harness.onflow!.control(path, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`Onflow control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Result;
}

beforeAll(async () => {
  harness = await startHarness({ shop: "orders-e2e.myshopify.com" });
  const token = harness.onflow!.token;
  const [seeded] = (await control<{ products: { sku: string; oasin: string }[] }>("/catalogue", "POST", { token, products: [{ sku: "TRA-E2E", name: "Trà", warehouseCode: "ONF_WH_HCM_Q7", quantity: 50 }] })).products;
  const { products } = await harness.shopify.createProducts([{ title: "Trà Shan Tuyết", variants: [{ sku: "TRA-E2E", inventory: [{ locationId: harness.locationId, available: 50 }] }] }]);
  const variant = products[0]!.variants[0]!;
  variantId = variant.id;
  // The catalogue sync's result (issue 6), stated directly so this test is about orders.
  await harness.database.productLink.create({
    data: { shop: harness.shop, productId: products[0]!.id, variantId, inventoryItemId: variant.inventoryItemId, sku: "TRA-E2E", title: "Trà Shan Tuyết", oasin: seeded!.oasin, state: "active" },
  });
  await control("/webhooks", "PUT", { token, urls: [harness.onflowWebhookUrl] });
}, 240_000);

afterAll(() => harness?.stop());

describe("orders end to end", () => {
  it("turns a placed order into one Onflow shipment, an accepted request and, after hand-over, one fulfillment with tracking", async () => {
    const { order } = await harness.shopify.createOrder({
      lineItems: [{ variantId, quantity: 1 }],
      shippingAddress: { firstName: "Nguyễn Thị", lastName: "Hồng", phone: "0901234567", address1: "12 Lê Lợi", address2: "Phường Bến Nghé", city: "Quận 1", province: "TP Hồ Chí Minh", countryCode: "VN" },
    });
    const fulfillmentOrderId: string = order.fulfillmentOrders.nodes[0].id;

    await harness.shopify.waitForMutation("fulfillmentOrderAcceptFulfillmentRequest", (call) => call.arguments.id === fulfillmentOrderId, 30_000);
    const handoff = await harness.database.handoff.findUniqueOrThrow({ where: { fulfillmentOrderId } });
    const requests = await control<{ endpoint: string | null; status: number | string; body: Record<string, unknown> }[]>("/requests");
    const created = requests.filter((request) => request.endpoint === "createShipment" && request.status === 200);
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ receiver_name: "Nguyễn Thị Hồng", receiver_ward: "Phường Bến Nghé", receiver_district: "Quận 1", receiver_province: "TP Hồ Chí Minh" });

    const { shipment } = await control<{ shipment: { courier_tracking_code?: string } }>(`/shipments/${handoff.onflowTrackingCode}/advance`, "POST", { token: harness.onflow!.token, to: "handed_over" });
    const fulfillment = await harness.shopify.waitForMutation("fulfillmentCreate", () => true, 30_000);
    const trackingNumber = (fulfillment.arguments.fulfillment as { trackingInfo: { number: string } }).trackingInfo.number;
    expect(trackingNumber).toBe(shipment.courier_tracking_code ?? handoff.onflowTrackingCode);

    await waitUntil("the ledger to record the fulfillment", async () => (await harness.database.handoff.findUniqueOrThrow({ where: { fulfillmentOrderId } })).state === "fulfilled", 10_000);
    const shopifyOrder = await harness.shopify.order(order.id);
    expect(shopifyOrder.fulfillments).toHaveLength(1);
    expect(await harness.shopify.mutations("fulfillmentCreate")).toHaveLength(1);
  });

  it("after the app is killed while Onflow creates the shipment, the restarted app accepts it without a second shipment", async () => {
    await control("/requests", "DELETE");
    await control("/faults", "PUT", { latencyMs: 3_000 });
    const { order } = await harness.shopify.createOrder({
      lineItems: [{ variantId, quantity: 1 }],
      shippingAddress: { firstName: "Trần Văn", lastName: "An", phone: "0912345678", address1: "5 Hàng Bài", address2: "Phường Tràng Tiền", city: "Quận Hoàn Kiếm", province: "Hà Nội", countryCode: "VN" },
    });
    const fulfillmentOrderId: string = order.fulfillmentOrders.nodes[0].id;
    await waitUntil("the ledger to reach submitting", async () => (await harness.database.handoff.findUnique({ where: { fulfillmentOrderId } }))?.state === "submitting", 20_000, 20);

    // Onflow is still working on the create (3 s of latency): the app dies before it can record the answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await harness.app.kill();
    const createdAtOnflow = async () =>
      (await control<{ endpoint: string | null; status: number | string }[]>("/requests")).filter((request) => request.endpoint === "createShipment" && request.status === 200);
    await waitUntil("Onflow to finish creating the shipment", async () => (await createdAtOnflow()).length === 1, 10_000);
    await control("/faults", "DELETE");
    expect(await harness.database.handoff.findUniqueOrThrow({ where: { fulfillmentOrderId } })).toMatchObject({ state: "submitting", onflowTrackingCode: null });

    // Time passes: the dead process's leases run out, then the app comes back.
    await harness.database.job.updateMany({ where: { shop: harness.shop, status: "running" }, data: { leaseUntil: new Date(0) } });
    await harness.database.lease.updateMany({ data: { expiresAt: new Date(0) } });
    await harness.app.start();

    await harness.shopify.waitForMutation("fulfillmentOrderAcceptFulfillmentRequest", (call) => call.arguments.id === fulfillmentOrderId, 30_000);
    await waitUntil("the ledger to record the acceptance", async () => (await harness.database.handoff.findUniqueOrThrow({ where: { fulfillmentOrderId } })).state === "accepted", 10_000);
    expect(await createdAtOnflow()).toHaveLength(1);
  });
});
