import { APP_URL } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueJob } from "~/models/job.server";
import { action, loader } from "~/routes/app._index";
import { connectOnflow, installShop } from "../factories/shop";
import { embeddedPageRequest, sessionTokenRequest, thrownBy } from "./admin-fixture";

const SHOP = "dashboard-a.myshopify.com";
const OTHER = "dashboard-b.myshopify.com";

beforeAll(async () => {
  await installShop(SHOP);
  await installShop(OTHER);
});

async function load(store: string) {
  return loader({ request: await embeddedPageRequest(store, "/app"), params: {}, context: {} });
}

async function act(store: string, form: Record<string, string>) {
  return action({ request: await sessionTokenRequest(store, "/app", form), params: {}, context: {} });
}

describe("dashboard", () => {
  it("walks a new merchant through the first-run checklist", async () => {
    const view = await load("dashboard-b");
    expect(view.connection.connected).toBe(false);
    expect(view.checklist.map((step) => step.done)).toEqual([false, false, false]);
    expect(view.exceptions).toEqual([]);
  });

  it("lists what went wrong, in words, with the reason, and only the shop's own items", async () => {
    await connectOnflow(SHOP, { baseUrl: "http://127.0.0.1:1", token: "dash-token" });
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "ORDERS_CREATE", deliveryId: "d-1", payload: { id: 1, name: "#1001" }, status: "dead", lastError: "Onflow refused the address" });
    await enqueueJob({ shop: OTHER, source: "shopify", topic: "ORDERS_CREATE", deliveryId: "d-2", payload: { id: 2, name: "#2002" }, status: "dead", lastError: "secret of another shop" });
    await prisma.handoff.create({
      data: { shop: SHOP, fulfillmentOrderId: "gid://shopify/FulfillmentOrder/7", orderId: "gid://shopify/Order/7", orderName: "#1007", merchantReference: "ref-7", state: "needs_attention", reason: "SKU TEA-1 is not active in the warehouse" },
    });
    await prisma.productLink.create({ data: { shop: SHOP, productId: "p1", variantId: "v1", title: "Trà xanh", sku: "TEA-2", state: "failed", reason: "Onflow rejected the barcode" } });
    await prisma.productLink.create({ data: { shop: SHOP, productId: "p2", variantId: "v2", title: "Gift card", state: "skipped", reason: "No SKU" } });
    await prisma.productLink.create({ data: { shop: SHOP, productId: "p3", variantId: "v3", title: "Cà phê", sku: "COF-1", state: "active" } });

    const view = await load("dashboard-a");

    expect(view.connection).toMatchObject({ connected: true, warehouse: { code: "ONF_WH_HCM_Q7" } });
    expect(view.products).toEqual({ synced: 1, failing: 1, skipped: 1 });
    expect(view.shipments).toEqual({ needs_attention: 1 });
    expect(view.exceptions.map((item) => [item.title, item.reason])).toEqual(
      expect.arrayContaining([
        ["Order #1001 → Onflow", "Onflow refused the address"],
        ["Order #1007 needs attention", "SKU TEA-1 is not active in the warehouse"],
        ["Trà xanh (SKU TEA-2) failed to sync", "Onflow rejected the barcode"],
        ["Gift card not synced", "No SKU"],
      ]),
    );
    expect(JSON.stringify(view)).not.toContain("secret of another shop");
  });

  it("Retry puts a dead job back in the queue, and cannot touch another shop's job", async () => {
    const mine = await prisma.job.findFirstOrThrow({ where: { shop: SHOP, status: "dead" } });
    const theirs = await prisma.job.findFirstOrThrow({ where: { shop: OTHER, status: "dead" } });

    expect(await act("dashboard-a", { intent: "retry", kind: "job", id: theirs.id })).toMatchObject({ ok: false });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("dead");

    expect(await act("dashboard-a", { intent: "retry", kind: "job", id: mine.id })).toEqual({ ok: true, message: "Retry queued" });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("Retry on a hand-off that needs attention queues a fresh hand-off for the same fulfillment order", async () => {
    const handoff = await prisma.handoff.findFirstOrThrow({ where: { shop: SHOP, state: "needs_attention" } });
    const view = await load("dashboard-a");
    expect(view.exceptions.find((item) => item.key === `handoff:${handoff.id}`)?.retry).toEqual({ kind: "handoff", id: handoff.id });

    expect(await act("dashboard-b", { intent: "retry", kind: "handoff", id: handoff.id })).toMatchObject({ ok: false });
    const jobsBefore = await prisma.job.count({ where: { shop: SHOP } });
    expect(await act("dashboard-a", { intent: "retry", kind: "handoff", id: handoff.id })).toEqual({ ok: true, message: "Retry queued" });
    expect(await prisma.job.count({ where: { shop: SHOP } })).toBe(jobsBefore + 1);
  });

  it("queues catalogue and stock syncs on request", async () => {
    expect(await act("dashboard-a", { intent: "syncCatalogue" })).toEqual({ ok: true, message: "Catalogue sync queued" });
    expect(await act("dashboard-a", { intent: "syncStock" })).toEqual({ ok: true, message: "Stock sync queued" });
    const queued = await prisma.job.findMany({ where: { shop: SHOP, source: "internal" } });
    expect(queued.map((job) => [job.topic, JSON.parse(job.payload)])).toEqual(
      expect.arrayContaining([
        ["INTERNAL_CATALOGUE_BACKFILL", { backfillId: expect.any(String) }],
        ["INTERNAL_STOCK_SYNC", { trigger: "manual" }],
      ]),
    );
  });

  it("never answers without a session token", async () => {
    const thrown = await thrownBy(() => action({ request: new Request(new URL("/app", APP_URL), { method: "POST", body: new URLSearchParams({ intent: "syncStock" }) }), params: {}, context: {} }));
    expect(thrown).toBeInstanceOf(Response);
    expect(await prisma.job.count({ where: { shop: SHOP, topic: "INTERNAL_STOCK_SYNC" } })).toBe(1);
  });
});
