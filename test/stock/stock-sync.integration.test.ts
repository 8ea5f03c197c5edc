import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import prisma from "~/db.server";
import { recordOnflowWebhook } from "~/jobs/inbox.server";
import { handlerFor } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { enqueueJob } from "~/models/job.server";
import { shopifyAdmin, type ShopifyAdmin } from "~/shopify/admin.server";
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
  const grant = shopify.standin.addShop(SHOP);
  webhookKey = (await installShop(SHOP, grant.access_token)).onflowWebhookKey;
  locationId = shopify.standin.createFulfillmentService(SHOP, { name: "Onflow", inventoryManagement: true }).locationId;
  await connectOnflow(SHOP, { baseUrl: onflow.url, token: TOKEN, warehouseCode: WAREHOUSE, locationId });

  const skus = ["TEA-1", "TEA-2", "TEA-3"];
  const products = shopify.standin.createProducts(
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
  const level = shopify.standin.inventoryLevel(SHOP, item(sku).inventoryItemId, locationId);
  return level.quantities.find((quantity: { name: string }) => quantity.name === "on_hand").quantity;
}

const stockWrites = () => shopify.standin.mutations({ shop: SHOP, name: "inventorySetQuantities" });

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

describe("stock sync against the Onflow emulator and the Shopify stand-in", () => {
  beforeEach(async () => {
    await syncNow();
  });

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
