import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { handlerFor, jobMayRun } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { enqueueJob } from "~/models/job.server";
import { installShop } from "../factories/shop";

const SHOP = "lifecycle-shop.myshopify.com";

const worker = new Worker({ handlers: handlerFor, mayRun: jobMayRun, pollMs: 10, concurrency: 1, leaseMs: 60_000, backoffBaseMs: 1000, backoffCapMs: 60_000 });

async function drain() {
  while ((await worker.drainOnce()) > 0);
}

describe("app lifecycle and compliance webhooks", () => {
  beforeEach(async () => {
    await prisma.job.deleteMany();
    await prisma.complianceRequest.deleteMany();
    await installShop(SHOP);
  });

  it("app/uninstalled removes sessions, marks the shop and stops its pending work; a second delivery is harmless", async () => {
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "PRODUCTS_CREATE", deliveryId: "queued-product", payload: { id: 1 }, runAt: new Date(Date.now() + 60_000) });
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "APP_UNINSTALLED", deliveryId: "uninstall-1", payload: {} });
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "APP_UNINSTALLED", deliveryId: "uninstall-2", payload: {} });
    await drain();

    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await prisma.shop.findUniqueOrThrow({ where: { domain: SHOP } })).uninstalledAt).not.toBeNull();
    const jobs = await prisma.job.findMany({ orderBy: { deliveryId: "asc" } });
    expect(jobs.map((j) => [j.deliveryId, j.status])).toEqual([
      ["queued-product", "cancelled"],
      ["uninstall-1", "done"],
      ["uninstall-2", "done"],
    ]);
  });

  it("a webhook that arrives after uninstall is recorded and cancelled, not run", async () => {
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "APP_UNINSTALLED", deliveryId: "uninstall", payload: {} });
    await drain();
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "PRODUCTS_CREATE", deliveryId: "late-product", payload: { id: 1 } });
    await drain();
    expect(await prisma.job.findFirstOrThrow({ where: { deliveryId: "late-product" } })).toMatchObject({
      status: "cancelled",
      lastError: "The shop does not have the app installed",
    });
  });

  it("customers/redact erases the customer's queued order webhooks; data_request records what is held", async () => {
    await enqueueJob({
      shop: SHOP,
      source: "shopify",
      topic: "ORDERS_CREATE",
      deliveryId: "order-with-address",
      payload: { id: 4501, name: "#1001", shipping_address: { name: "Nguyễn Thị Hồng", address1: "12 Lê Lợi" } },
      runAt: new Date(Date.now() + 60_000),
    });
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "CUSTOMERS_DATA_REQUEST", deliveryId: "dr", payload: { customer: { id: 9 }, orders_requested: [4501] } });
    await drain();
    const dataRequest = await prisma.complianceRequest.findFirstOrThrow({ where: { topic: "CUSTOMERS_DATA_REQUEST" } });
    expect(JSON.parse(dataRequest.summary)).toMatchObject({ orderIds: ["4501"], queuedOrderWebhooks: 1 });

    await enqueueJob({ shop: SHOP, source: "shopify", topic: "CUSTOMERS_REDACT", deliveryId: "redact", payload: { customer: { id: 9 }, orders_to_redact: [4501] } });
    await drain();
    const order = await prisma.job.findFirstOrThrow({ where: { deliveryId: "order-with-address" } });
    expect(order.payload).not.toContain("Nguyễn");
  });

  it("shop/redact erases every row of the shop", async () => {
    await prisma.productLink.create({ data: { shop: SHOP, productId: "1", variantId: "2", title: "Áo", state: "active" } });
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "SHOP_REDACT", deliveryId: "shop-redact", payload: { shop_domain: SHOP } });
    await drain();
    expect(await prisma.shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await prisma.productLink.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.complianceRequest.count({ where: { shop: SHOP, topic: "SHOP_REDACT" } })).toBe(1);
  });
});
