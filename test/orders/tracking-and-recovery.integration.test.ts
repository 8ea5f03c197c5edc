import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { recordOnflowWebhook } from "~/jobs/inbox.server";
import { findHandoff } from "~/models/handoff.server";
import { findShop } from "~/models/shop.server";
import { retryHandoff } from "~/sync/orders/retry.server";
import { ORDER_TOPICS } from "~/sync/orders/topics";
import { createShipment } from "./create-shipment-directly";
import { createdShipments, drain, fulfillmentOrderOf, runTask, startOrdersWorld, VIETNAMESE_ADDRESS, type OrdersWorld } from "./orders-fixture";

let world: OrdersWorld;
let onflowInbox: Server;

/** Onflow's webhooks reach the app's inbox at the shop's secret URL, as the route would store them. */
async function startOnflowWebhookInbox(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const key = decodeURIComponent(request.url!.split("/").pop()!);
      void recordOnflowWebhook(key, Buffer.concat(chunks).toString("utf8")).then(() => response.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

beforeAll(async () => {
  world = await startOrdersWorld("tracking-shop.myshopify.com", ["CUP-1"]);
  onflowInbox = await startOnflowWebhookInbox();
  const key = (await findShop(world.shop))!.onflowWebhookKey;
  await world.onflow.control.registerWebhooks([`http://127.0.0.1:${(onflowInbox.address() as AddressInfo).port}/onflow/webhooks/${encodeURIComponent(key)}`], world.token);
  await prisma.shop.update({ where: { domain: world.shop }, data: { notifyCustomer: false } });
});

afterAll(async () => {
  await world.close();
  await new Promise((resolve) => onflowInbox.close(resolve));
});

async function placeOrder() {
  const { order } = await world.shopify.createOrder(world.shop, { lineItems: [{ variantId: world.variants.get("CUP-1")!, quantity: 1 }], shippingAddress: VIETNAMESE_ADDRESS });
  return order as { id: string; name: string };
}

describe("tracking and recovery", () => {
  it("fulfils once in Shopify from Onflow's hand-over webhook, with the courier code and the merchant's notify choice", async () => {
    const order = await placeOrder();
    await drain(world);
    const fulfillmentOrderId = fulfillmentOrderOf(world, order.id).id;
    const handoff = (await findHandoff(fulfillmentOrderId))!;

    const handedOver = await world.onflow.control.advanceShipment(handoff.onflowTrackingCode!, "handed_over", world.token);
    await world.onflow.control.webhookDeliveries();
    await drain(world);
    expect(await prisma.job.count({ where: { shop: world.shop, topic: ORDER_TOPICS.shipmentStatusUpdated } })).toBeGreaterThan(0);

    const fulfillments = world.shopify.mutations({ shop: world.shop, name: "fulfillmentCreate" });
    expect(fulfillments).toHaveLength(1);
    const input = fulfillments[0]!.arguments.fulfillment as { notifyCustomer: boolean; trackingInfo: { number: string } };
    expect(input.notifyCustomer).toBe(false);
    expect(input.trackingInfo.number).toBe(handedOver.courier_tracking_code ?? handoff.onflowTrackingCode);
    expect(await findHandoff(fulfillmentOrderId)).toMatchObject({ state: "fulfilled" });

    // The poll sees the same hand-over later: nothing more happens in Shopify.
    await runTask(world, ORDER_TOPICS.pollShipments);
    expect(world.shopify.mutations({ shop: world.shop, name: "fulfillmentCreate" })).toHaveLength(1);
  });

  it("cancels at Onflow when Shopify cancels a fulfillment order before hand-off", async () => {
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: false } });
    const order = await placeOrder();
    const fulfillmentOrderId = fulfillmentOrderOf(world, order.id).id;
    const reference = `SHOPIFY-${order.name.replace("#", "")}-${fulfillmentOrderId.split("/").pop()}`;
    // The shipment reached Onflow but the app stopped before accepting; then the merchant cancels.
    await prisma.handoff.create({ data: { shop: world.shop, fulfillmentOrderId, orderId: order.id, orderName: order.name, merchantReference: reference, state: "submitting" } });
    await createShipment(world, reference, world.variants.get("CUP-1")!);
    await world.shopify.submitFulfillmentRequest(world.shop, fulfillmentOrderId);
    await world.shopify.cancelOrder(world.shop, order.id);
    await world.onflow.control.clearRequests();
    await drain(world);

    expect(await findHandoff(fulfillmentOrderId)).toMatchObject({ state: "cancelled" });
    expect((await world.onflow.control.requests()).filter((request) => request.endpoint === "cancelShipment" && request.status === 200)).toHaveLength(1);
    expect(await createdShipments(world)).toHaveLength(0);
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: true } });
  });

  it("marks the hand-off needs_attention when Onflow stays down past the retry budget, and Retry then delivers it once", async () => {
    await world.onflow.control.setFaults({ errorRate: 1 });
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: false } });
    const order = await placeOrder();
    const fulfillmentOrderId = fulfillmentOrderOf(world, order.id).id;
    await world.shopify.submitFulfillmentRequest(world.shop, fulfillmentOrderId);
    await world.shopify.settled();
    await prisma.job.updateMany({ where: { shop: world.shop, topic: ORDER_TOPICS.fulfillmentRequested, status: "pending" }, data: { maxAttempts: 1 } });
    await drain(world);

    const stuck = (await findHandoff(fulfillmentOrderId))!;
    expect(stuck.state).toBe("needs_attention");
    expect(stuck.reason).toContain("503");
    expect(fulfillmentOrderOf(world, order.id).requestStatus).toBe("SUBMITTED");

    await world.onflow.control.clearFaults();
    await world.onflow.control.clearRequests();
    expect(await retryHandoff(world.shop, stuck.id)).toBe(true);
    await drain(world);
    expect(await findHandoff(fulfillmentOrderId)).toMatchObject({ state: "accepted" });
    expect(await createdShipments(world)).toHaveLength(1);
    expect(fulfillmentOrderOf(world, order.id).requestStatus).toBe("ACCEPTED");
    await prisma.shop.update({ where: { domain: world.shop }, data: { autoSendOrders: true } });
  });
});
