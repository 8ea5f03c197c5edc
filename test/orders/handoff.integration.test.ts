import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { findHandoff } from "~/models/handoff.server";
import { createOnflowClient } from "~/onflow/client.server";
import { ORDER_TOPICS } from "~/sync/orders/topics";
import { createdShipments, drain, fulfillmentOrderOf, runTask, startOrdersWorld, VIETNAMESE_ADDRESS, type OrdersWorld } from "./orders-fixture";

let world: OrdersWorld;

async function onflowShipmentsWithReference(reference: string) {
  const client = createOnflowClient({ baseUrl: world.onflow.url, token: world.token });
  return (await client.listShipments({ page: 1, pageSize: 100, merchantReference: reference })).items.filter((shipment) => shipment.merchantReference === reference);
}

beforeAll(async () => {
  world = await startOrdersWorld("orders-shop.myshopify.com", ["TEE-1", "TEE-2"]);
});

afterAll(async () => {
  await world.close();
});

async function placeOrder(lines: { variantId?: string; sku?: string; quantity: number }[], address: Record<string, unknown> = VIETNAMESE_ADDRESS) {
  const { order } = await world.shopify.createOrder(world.shop, { lineItems: lines, shippingAddress: address, paymentGatewayNames: ["manual"], displayFinancialStatus: "PAID" });
  return order as { id: string; name: string };
}

describe("orders become Onflow shipments", () => {
  it("turns a new order into one Onflow shipment, an accepted request and, at hand-over, one fulfillment with tracking", async () => {
    await world.onflow.control.clearRequests();
    const order = await placeOrder([{ variantId: world.variants.get("TEE-1")!, quantity: 2 }]);
    await drain(world);

    const shipments = await createdShipments(world);
    expect(shipments).toHaveLength(1);
    const body = shipments[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      warehouse_code: "ONF_WH_HCM_Q7",
      receiver_name: "Nguyễn Thị Hồng",
      receiver_address: "12 Lê Lợi",
      receiver_ward: "Phường Bến Nghé",
      receiver_district: "Quận 1",
      receiver_province: "TP Hồ Chí Minh",
    });
    expect(Buffer.from(String(body.receiver_ward))).toEqual(Buffer.from("Phường Bến Nghé"));
    expect(String(body.merchant_tracking_code_reference)).toMatch(/^SHOPIFY-\d+-\d+$/);

    const fulfillmentOrder = fulfillmentOrderOf(world, order.id);
    expect(fulfillmentOrder.requestStatus).toBe("ACCEPTED");
    const handoff = await findHandoff(fulfillmentOrder.id);
    expect(handoff).toMatchObject({ state: "accepted", orderName: order.name });
    const acceptance = world.shopify.mutations({ shop: world.shop, name: "fulfillmentOrderAcceptFulfillmentRequest" }).find((entry) => entry.arguments.id === fulfillmentOrder.id);
    expect(String(acceptance?.arguments.message)).toContain(handoff!.onflowTrackingCode!);
    expect(await prisma.job.count({ where: { shop: world.shop, topic: ORDER_TOPICS.fulfillmentRequested } })).toBeGreaterThan(0);

    await world.onflow.control.advanceShipment(handoff!.onflowTrackingCode!, "handed_over", world.token);
    await runTask(world, ORDER_TOPICS.pollShipments);
    await runTask(world, ORDER_TOPICS.pollShipments);

    const fulfilled = world.shopify.order(world.shop, order.id)!;
    expect(fulfilled.fulfillments).toHaveLength(1);
    const tracking = fulfilled.fulfillments[0].trackingInfo[0];
    const shipment = (await findHandoff(fulfillmentOrder.id))!;
    expect(shipment.state).toBe("fulfilled");
    expect(tracking.number).toBe(shipment.courierTrackingCode ?? shipment.onflowTrackingCode);
    expect(world.shopify.mutations({ shop: world.shop, name: "fulfillmentCreate" })).toHaveLength(1);
  });

  it("creates exactly one shipment when orders/create arrives three times and the re-read runs too", async () => {
    await world.onflow.control.clearRequests();
    const order = await placeOrder([{ variantId: world.variants.get("TEE-2")!, quantity: 1 }]);
    const created = (await prisma.job.findFirstOrThrow({ where: { shop: world.shop, topic: ORDER_TOPICS.orderCreated }, orderBy: { createdAt: "desc" } })).payload;
    for (const copy of [1, 2]) {
      await prisma.job.create({ data: { shop: world.shop, source: "shopify", topic: ORDER_TOPICS.orderCreated, deliveryId: `again-${order.id}-${copy}`, payload: created } });
    }
    await drain(world);
    await runTask(world, ORDER_TOPICS.rereadRequests);
    expect(await createdShipments(world)).toHaveLength(1);
    expect(fulfillmentOrderOf(world, order.id).requestStatus).toBe("ACCEPTED");
  });

  it("after a crash between Onflow creating the shipment and the ledger recording it, resumes without a second shipment", async () => {
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: false } });
    const order = await placeOrder([{ variantId: world.variants.get("TEE-1")!, quantity: 1 }]);
    const fulfillmentOrderId = fulfillmentOrderOf(world, order.id).id;
    // The crash: the ledger says "submitting", the shipment exists at Onflow, Shopify still waits.
    const reference = `SHOPIFY-${order.name.replace("#", "")}-${fulfillmentOrderId.split("/").pop()}`;
    await prisma.handoff.create({
      data: { shop: world.shop, fulfillmentOrderId, orderId: order.id, orderName: order.name, merchantReference: reference, state: "submitting" },
    });
    await world.shopify.submitFulfillmentRequest(world.shop, fulfillmentOrderId);
    const { createShipment } = await import("./create-shipment-directly");
    await createShipment(world, reference, world.variants.get("TEE-1")!);
    await world.onflow.control.clearRequests();

    await drain(world);

    expect(await createdShipments(world)).toHaveLength(0);
    expect((await onflowShipmentsWithReference(reference)).length).toBe(1);
    expect(fulfillmentOrderOf(world, order.id).requestStatus).toBe("ACCEPTED");
    expect(await findHandoff(fulfillmentOrderId)).toMatchObject({ state: "accepted" });
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: true } });
  });

  it("rejects a line with no Onflow product as INVALID_SKU and shows the reason", async () => {
    const unlinked = world.shopify.createProducts(world.shop, [{ title: "Mũ", variants: [{ sku: "HAT-UNLINKED", inventory: [{ locationId: world.locationId, available: 5 }] }] }]);
    const order = await placeOrder([{ variantId: unlinked[0]!.variants[0]!.id, quantity: 1 }]);
    await drain(world);
    const fulfillmentOrder = fulfillmentOrderOf(world, order.id);
    expect(fulfillmentOrder.requestStatus).toBe("REJECTED");
    expect(await findHandoff(fulfillmentOrder.id)).toMatchObject({ state: "rejected", rejectionReason: "INVALID_SKU" });
    expect((await findHandoff(fulfillmentOrder.id))!.reason).toContain("HAT-UNLINKED");
  });

  it("cancels at Onflow and accepts a cancellation before hand-over; rejects it after", async () => {
    const early = await placeOrder([{ variantId: world.variants.get("TEE-1")!, quantity: 1 }]);
    const late = await placeOrder([{ variantId: world.variants.get("TEE-2")!, quantity: 1 }]);
    await drain(world);
    const earlyId = fulfillmentOrderOf(world, early.id).id;
    const lateId = fulfillmentOrderOf(world, late.id).id;
    const lateHandoff = (await findHandoff(lateId))!;
    await world.onflow.control.advanceShipment(lateHandoff.onflowTrackingCode!, "handed_over", world.token);

    await world.shopify.requestCancellation(world.shop, earlyId, "Customer changed their mind");
    await world.shopify.requestCancellation(world.shop, lateId, "Too late?");
    await drain(world);

    expect(fulfillmentOrderOf(world, early.id).requestStatus).toBe("CANCELLATION_ACCEPTED");
    expect(await findHandoff(earlyId)).toMatchObject({ state: "cancelled" });
    const cancelledAtOnflow = (await world.onflow.control.requests()).filter((request) => request.endpoint === "cancelShipment" && request.status === 200);
    expect(cancelledAtOnflow).toHaveLength(1);
    expect(fulfillmentOrderOf(world, late.id).requestStatus).toBe("CANCELLATION_REJECTED");
  });

  it("with 30% of Onflow calls failing 503, every order still arrives exactly once", async () => {
    await world.onflow.control.clearRequests();
    await world.onflow.control.setFaults({ errorRate: 0.3 });
    const orders = [];
    for (let index = 0; index < 5; index++) orders.push(await placeOrder([{ variantId: world.variants.get(index % 2 ? "TEE-1" : "TEE-2")!, quantity: 1 }]));
    await drain(world);
    expect((await world.onflow.control.counters()).injectedUnavailable).toBeGreaterThan(0);
    await world.onflow.control.clearFaults();
    await runTask(world, ORDER_TOPICS.rereadRequests);

    const references = (await createdShipments(world)).map((request) => (request.body as { merchant_tracking_code_reference: string }).merchant_tracking_code_reference);
    expect(new Set(references).size).toBe(references.length);
    expect(references).toHaveLength(orders.length);
    for (const order of orders) expect(fulfillmentOrderOf(world, order.id).requestStatus).toBe("ACCEPTED");
  });
});
