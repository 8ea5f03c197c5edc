import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import prisma from "~/db.server";
import { recordOnflowWebhook } from "~/jobs/inbox.server";
import { handlerFor } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { enqueueJob } from "~/models/job.server";
import { shopifyAdmin, type ShopifyAdmin } from "~/shopify/admin.server";
import { REVERIFY_AFTER_MS } from "~/sync/stock/remembered-on-hand";
import { runStockSync } from "~/sync/stock/run-stock-sync.server";
import { STOCK_SYNC_TOPIC } from "~/sync/stock/topics";
import { connectOnflow, installShop } from "../factories/shop";
import { routeShopifyTo } from "../setup/fetch-stub";

const SHOP = "stock-shop.myshopify.com";
const WAREHOUSE = "ONF_WH_HCM_Q7";
const TOKEN = "stock-token";

let onflow: RunningOnflowEmulator;
let shopify: RunningShopifyStandin;
let locationId: string;
let webhookKey: string;
let unlinkedOasin: string;
/** sku → { oasin, inventoryItemId } */
const items = new Map<string, { oasin: string; inventoryItemId: string }>();

beforeAll(async () => {
  onflow = await startOnflowEmulator({ tokens: [TOKEN], rateLimitPerSecond: 1000 });
  shopify = await startShopifyStandin();
  routeShopifyTo(shopify.url);
  const grant = shopify.addShop(SHOP);
  webhookKey = (await installShop(SHOP, grant.access_token)).onflowWebhookKey;
  locationId = shopify.createFulfillmentService(SHOP, { name: "Onflow", inventoryManagement: true }).locationId;
  await connectOnflow(SHOP, { baseUrl: onflow.url, token: TOKEN, warehouseCode: WAREHOUSE, locationId });

  const skus = ["TEA-1", "TEA-2", "TEA-3"];
  const products = shopify.createProducts(
    SHOP,
    skus.map((sku) => ({ title: sku, variants: [{ sku, inventory: [{ locationId, onHand: 0 }] }] })),
  );
  const seeded = await onflow.control.seedCatalogue([...skus, "NOT-IN-SHOPIFY"].map((sku) => ({ sku, name: sku, warehouseCode: WAREHOUSE, quantity: 0 })), TOKEN);
  unlinkedOasin = seeded.find((entry) => entry.sku === "NOT-IN-SHOPIFY")!.oasin;
  for (const product of products) {
    const variant = product.variants[0]!;
    const oasin = seeded.find((entry) => entry.sku === variant.sku)!.oasin;
    items.set(variant.sku!, { oasin, inventoryItemId: variant.inventoryItemId });
    await prisma.productLink.create({
      data: { shop: SHOP, productId: product.id, variantId: variant.id, inventoryItemId: variant.inventoryItemId, sku: variant.sku, title: variant.sku!, oasin, state: "active" },
    });
  }
});

afterAll(async () => {
  await shopify.close();
  await onflow.close();
});

const item = (sku: string) => items.get(sku)!;

async function setOnflowStock(sku: string, quantity: number, stockLevel = "A") {
  await onflow.control.setStock({ oasin: item(sku).oasin, warehouseCode: WAREHOUSE, quantity, stockLevel, token: TOKEN });
}

function onHand(sku: string): number {
  const level = shopify.inventoryLevel(SHOP, item(sku).inventoryItemId, locationId);
  return level.quantities.find((quantity: { name: string }) => quantity.name === "on_hand").quantity;
}

const stockWrites = () => shopify.mutations({ shop: SHOP, name: "inventorySetQuantities" });

async function drain() {
  const worker = new Worker({ handlers: handlerFor, pollMs: 10, concurrency: 1, leaseMs: 60_000, backoffBaseMs: 10, backoffCapMs: 100 });
  while ((await worker.drainOnce()) > 0);
}

async function latestRun() {
  return prisma.stockRun.findFirstOrThrow({ where: { shop: SHOP }, orderBy: { startedAt: "desc" } });
}

let delivery = 0;
async function syncNow() {
  await enqueueJob({ shop: SHOP, source: "internal", topic: STOCK_SYNC_TOPIC, deliveryId: `test-${++delivery}`, payload: { trigger: "manual" } });
  await drain();
  return latestRun();
}

// Each test starts from Shopify matching Onflow.
beforeEach(async () => {
  await syncNow();
});

describe("stock sync against the Onflow emulator and the Shopify stand-in", () => {
  it("writes Onflow's sellable stock as on_hand, lists unlinked OASINs, and writes nothing when run again", async () => {
    await setOnflowStock("TEA-1", 12);
    await setOnflowStock("TEA-1", 5, "D1");
    await setOnflowStock("TEA-2", 7);
    await onflow.control.setStock({ oasin: unlinkedOasin, warehouseCode: WAREHOUSE, quantity: 4, token: TOKEN });
    const writesBefore = stockWrites().length;

    const run = await syncNow();

    expect([onHand("TEA-1"), onHand("TEA-2"), onHand("TEA-3")]).toEqual([12, 7, 0]);
    expect(run).toMatchObject({ trigger: "manual", status: "succeeded", itemsChanged: 2, itemsFailed: 0, error: null });
    const [write] = stockWrites().slice(writesBefore);
    expect(write!.arguments).toMatchObject({ input: { name: "on_hand", reason: "correction", referenceDocumentUri: `gid://onflow-connector/StockRun/${run.id}` } });
    expect(write!.idempotencyKey).toContain(run.id);
    expect(JSON.parse(run.unlinkedOasins)).toEqual([unlinkedOasin]);

    const writesAfterFirst = stockWrites().length;
    const second = await syncNow();
    expect(stockWrites()).toHaveLength(writesAfterFirst);
    expect(second).toMatchObject({ status: "succeeded", itemsChanged: 0 });
  });
});

describe("Onflow's Updated Stock webhook", () => {
  it("re-reads and writes that one product without a full run", async () => {
    const otherBefore = onHand("TEA-2");
    await setOnflowStock("TEA-1", 30);
    await setOnflowStock("TEA-2", otherBefore + 2);
    const writesBefore = stockWrites().length;

    const stored = await recordOnflowWebhook(
      webhookKey,
      JSON.stringify({
        instance_id: "7c1f6a52-1d0e-4b7e-9a55-2b1c3d4e5f60",
        event_code: "product.update_stock",
        transaction_id: "580233",
        transaction_type: "ADJUSTMENT",
        transaction_created_time: 1_790_000_000,
        oasin: item("TEA-1").oasin,
        sku: "TEA-1",
        movement_quantity: 18,
        // Deliberately not the truth: the handler reads Onflow again instead of trusting this.
        remaining_stock: 999,
        stock_level: "A",
      }),
    );
    expect(stored).toBe("stored");
    await drain();

    expect([onHand("TEA-1"), onHand("TEA-2")]).toEqual([30, otherBefore]);
    const writes = stockWrites().slice(writesBefore);
    expect(writes).toHaveLength(1);
    expect((writes[0]!.arguments as { input: { quantities: unknown[] } }).input.quantities).toHaveLength(1);
    expect(await latestRun()).toMatchObject({ trigger: "webhook", status: "succeeded", itemsRead: 1, itemsChanged: 1 });
    const stockReads = (await onflow.control.requests()).filter((request) => request.endpoint === "listStock").slice(-1);
    expect(stockReads[0]!.path).toContain(`oasin=${item("TEA-1").oasin}`);
  });
});

describe("a compare-and-swap that goes stale between read and write", () => {
  it("is re-read and retried under a new key, and ends with Onflow's quantity", async () => {
    await setOnflowStock("TEA-3", 8);
    const real = await shopifyAdmin(SHOP);
    let interfered = false;
    // The merchant edits TEA-3 in the admin after the run read it and before the run writes.
    const racing: ShopifyAdmin = {
      shop: SHOP,
      graphql: async (query, variables) => {
        if (!interfered && query.includes("inventorySetQuantities")) {
          interfered = true;
          shopify.setInventory(SHOP, { inventoryItemId: item("TEA-3").inventoryItemId, locationId, onHand: 41 });
        }
        return real.graphql(query, variables);
      },
    };
    const writesBefore = stockWrites().length;

    const summary = await runStockSync(SHOP, { trigger: "manual", shopify: racing });

    expect(onHand("TEA-3")).toBe(8);
    expect(summary).toMatchObject({ status: "succeeded", itemsChanged: 1, itemsFailed: 0 });
    const [refused, accepted] = stockWrites().slice(writesBefore);
    expect(JSON.stringify(refused!.result)).toContain("CHANGE_FROM_QUANTITY_STALE");
    expect(accepted!.arguments).toMatchObject({ input: { quantities: [{ inventoryItemId: item("TEA-3").inventoryItemId, quantity: 8, changeFromQuantity: 41 }] } });
    expect(accepted!.idempotencyKey).not.toBe(refused!.idempotencyKey);
  });
});

/** The real admin, counting the on_hand reads the stock sync makes. */
async function countingAdmin() {
  const real = await shopifyAdmin(SHOP);
  const counter = { onHandReads: 0 };
  const admin: ShopifyAdmin = {
    shop: SHOP,
    graphql: async (query, variables) => {
      if (query.includes("StockOnHand")) counter.onHandReads++;
      return real.graphql(query, variables);
    },
  };
  return { admin, counter };
}

describe("the on_hand the app remembers", () => {
  it("lets a second run finish without reading or writing Shopify", async () => {
    await setOnflowStock("TEA-2", 9);
    await syncNow();
    const { admin, counter } = await countingAdmin();
    const writesBefore = stockWrites().length;

    const summary = await runStockSync(SHOP, { trigger: "manual", shopify: admin });

    expect(counter.onHandReads).toBe(0);
    expect(stockWrites()).toHaveLength(writesBefore);
    expect(summary).toMatchObject({ status: "succeeded", itemsChanged: 0 });
    expect(onHand("TEA-2")).toBe(9);
  });

  it("is caught by compare-and-swap when the merchant edited Shopify between runs, and the run ends with Onflow's quantity", async () => {
    await setOnflowStock("TEA-2", 9);
    await syncNow();
    shopify.setInventory(SHOP, { inventoryItemId: item("TEA-2").inventoryItemId, locationId, onHand: 41 });
    await setOnflowStock("TEA-2", 4);
    const writesBefore = stockWrites().length;

    const run = await syncNow();

    expect(onHand("TEA-2")).toBe(4);
    expect(run).toMatchObject({ status: "succeeded", itemsChanged: 1, itemsFailed: 0 });
    const [refused, accepted] = stockWrites().slice(writesBefore);
    expect(JSON.stringify(refused!.result)).toContain("CHANGE_FROM_QUANTITY_STALE");
    expect(accepted!.arguments).toMatchObject({ input: { quantities: [{ inventoryItemId: item("TEA-2").inventoryItemId, quantity: 4, changeFromQuantity: 41 }] } });
  });

  it("is checked against Shopify once it is old, so an edit in Shopify is corrected even when Onflow's stock did not move", async () => {
    await setOnflowStock("TEA-1", 6);
    await syncNow();
    shopify.setInventory(SHOP, { inventoryItemId: item("TEA-1").inventoryItemId, locationId, onHand: 50 });
    await prisma.productLink.updateMany({ where: { shop: SHOP }, data: { shopifyOnHandAt: new Date(Date.now() - REVERIFY_AFTER_MS - 60_000) } });

    const run = await syncNow();

    expect(onHand("TEA-1")).toBe(6);
    expect(run).toMatchObject({ status: "succeeded", itemsChanged: 1 });
  });
});
