import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOnflowClient } from "~/onflow/client.server";
import type { OnflowGateway, Product } from "~/onflow/gateway";
import { CATALOGUE_BACKFILL_TOPIC } from "~/sync/catalogue/backfill.server";
import type { Harness } from "../support/harness";
import { startHarness } from "../support/harness";
import { waitUntil } from "../support/wait-until";

// The built app as a real process: a catalogue that existed before the app is backfilled, the app
// is killed while it is creating Onflow products, and the restarted app finishes without
// creating any product twice.

const VARIANTS_PER_PRODUCT = 3;
const PRODUCTS = 8;
let harness: Harness;
let onflow: OnflowGateway;

beforeAll(async () => {
  harness = await startHarness({ shop: "catalogue-e2e.myshopify.com" });
  onflow = createOnflowClient({ baseUrl: harness.onflow!.url, token: harness.onflow!.token, rateLimitPerSecond: 50 });
}, 240_000);

afterAll(() => harness?.stop());

async function onflowProducts(): Promise<Product[]> {
  return (await onflow.listProducts({ page: 1, pageSize: 100 })).items;
}

/** A killed process leaves its leases behind; moving them into the past stands for waiting them out. */
async function outliveDeadLeases() {
  const past = new Date(Date.now() - 1000);
  await harness.database.job.updateMany({ where: { status: "running" }, data: { leaseUntil: past } });
  await harness.database.lease.updateMany({ data: { expiresAt: past } });
}

describe("catalogue backfill in the running app", () => {
  it("finishes after a crash mid-backfill with every SKU at Onflow exactly once", async () => {
    await harness.shopify.createProducts(
      Array.from({ length: PRODUCTS }, (_, p) => ({
        title: `Gốm Bát Tràng ${p + 1}`,
        variants: Array.from({ length: VARIANTS_PER_PRODUCT }, (_, v) => ({ title: `Mẫu ${v + 1}`, sku: `GOM-${p + 1}-${v + 1}`, price: "250000" })),
      })),
    );
    const skus = Array.from({ length: PRODUCTS * VARIANTS_PER_PRODUCT }, (_, i) => `GOM-${Math.floor(i / VARIANTS_PER_PRODUCT) + 1}-${(i % VARIANTS_PER_PRODUCT) + 1}`);

    // A slow Onflow keeps the backfill going long enough for the crash to land in the middle of it.
    await harness.onflow!.control("/faults", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ latencyMs: 150 }) });

    // What the dashboard's "Sync catalogue" button stores.
    await harness.database.job.create({
      data: { shop: harness.shop, source: "internal", topic: CATALOGUE_BACKFILL_TOPIC, deliveryId: "e2e-sync-catalogue", payload: "{}" },
    });

    await waitUntil("Onflow to hold a few of the products", async () => (await onflowProducts()).length >= 5, 60_000);
    await harness.app.kill();
    const createdBeforeCrash = (await onflowProducts()).length;
    expect(createdBeforeCrash).toBeLessThan(skus.length);

    await harness.onflow!.control("/faults", { method: "DELETE" });
    await outliveDeadLeases();
    await harness.app.start();
    await waitUntil(
      "the backfill to finish",
      async () => (await harness.database.catalogueBackfill.findFirst({ where: { shop: harness.shop, status: "done" } })) !== null,
      120_000,
    );

    const atOnflow = await onflowProducts();
    expect(atOnflow.map((product) => product.sku).sort()).toEqual([...skus].sort());
    const links = await harness.database.productLink.findMany({ where: { shop: harness.shop } });
    expect(links.filter((link) => link.state === "active")).toHaveLength(skus.length);
    const backfills = await harness.database.catalogueBackfill.findMany({ where: { shop: harness.shop } });
    expect(backfills).toEqual([expect.objectContaining({ status: "done", variantsSeen: skus.length, variantsSynced: skus.length })]);
  }, 240_000);
});
