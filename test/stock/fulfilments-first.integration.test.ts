import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { findHandoff } from "~/models/handoff.server";
import { STOCK_SYNC_TOPIC } from "~/sync/stock/topics";
import { drain, fulfillmentOrderOf, runTask, startOrdersWorld, VIETNAMESE_ADDRESS, type OrdersWorld } from "../orders/orders-fixture";

let world: OrdersWorld;

beforeAll(async () => {
  world = await startOrdersWorld("stock-orders-shop.myshopify.com", ["MUG-1"]);
  await prisma.shop.update({ where: { domain: world.shop }, data: { notifyCustomer: false } });
});

afterAll(async () => {
  await world.close();
});

async function quantities() {
  const link = await prisma.productLink.findFirstOrThrow({ where: { shop: world.shop, sku: "MUG-1" } });
  const level = world.shopify.inventoryLevel(world.shop, link.inventoryItemId!, world.locationId);
  return Object.fromEntries(level.quantities.map((quantity: { name: string; quantity: number }) => [quantity.name, quantity.quantity])) as Record<string, number>;
}

describe("a stock run records due fulfillments first", () => {
  it("does not count a parcel Onflow has handed over twice when its webhook was lost", async () => {
    await runTask(world, STOCK_SYNC_TOPIC);
    expect(await quantities()).toMatchObject({ on_hand: 100, available: 100 });

    const { order } = await world.shopify.createOrder(world.shop, { lineItems: [{ variantId: world.variants.get("MUG-1")!, quantity: 1 }], shippingAddress: VIETNAMESE_ADDRESS });
    await drain(world);
    const handoff = (await findHandoff(fulfillmentOrderOf(world, (order as { id: string }).id).id))!;
    // Onflow ships the parcel (its stock drops to 99); no webhook reaches the app.
    await world.onflow.control.advanceShipment(handoff.onflowTrackingCode!, "handed_over", world.token);
    expect(await quantities()).toMatchObject({ on_hand: 100, committed: 1, available: 99 });

    await runTask(world, STOCK_SYNC_TOPIC);

    expect(world.shopify.mutations({ shop: world.shop, name: "fulfillmentCreate" })).toHaveLength(1);
    expect(await quantities()).toMatchObject({ on_hand: 99, committed: 0, available: 99 });
    const run = await prisma.stockRun.findFirstOrThrow({ where: { shop: world.shop }, orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ status: "succeeded", itemsChanged: 0 });
    // The first run remembered 100; the fulfillment made that stale, and the compare-and-swap caught it.
    const refused = world.shopify.mutations({ shop: world.shop, name: "inventorySetQuantities" }).at(-1);
    expect(JSON.stringify(refused!.result)).toContain("CHANGE_FROM_QUANTITY_STALE");
    const link = await prisma.productLink.findFirstOrThrow({ where: { shop: world.shop, sku: "MUG-1" } });
    expect(link.shopifyOnHand).toBe(99);
  });
});
