import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import type { OnflowGateway } from "~/onflow/gateway";
import { CATALOGUE_BACKFILL_TOPIC, catalogueBackfillHandler, requestCatalogueBackfill } from "~/sync/catalogue/backfill.server";
import { NO_SKU_REASON } from "~/sync/catalogue/variant-eligibility";
import { handlerFor } from "~/jobs/registry.server";
import { enqueueJob } from "~/models/job.server";
import { measureCatalogueBackfill } from "./backfill-benchmark";
import { drain, fastOnflowFor, handlersWithBackfill, linksOf, newWorker, onflowProducts, startCatalogueFixture, type CatalogueFixture } from "./catalogue-fixture";

const SHOP = "backfill-shop.myshopify.com";
const PAGE_SIZE = 5;
let fixture: CatalogueFixture;
let skus: string[];

beforeAll(async () => {
  fixture = await startCatalogueFixture({ shop: SHOP, token: "backfill-token" });
  const created = fixture.shopify.createProducts(
    SHOP,
    Array.from({ length: 8 }, (_, p) => ({
      title: `Trà xanh ${p + 1}`,
      variants: [{ title: "100g", sku: `TRA-${p + 1}-100` }, { title: "250g", sku: `TRA-${p + 1}-250` }, { title: "Mẫu thử", sku: p === 0 ? null : `TRA-${p + 1}-MAU` }],
    })),
  );
  skus = created.flatMap((product) => product.variants.map((variant) => variant.sku).filter((sku): sku is string => Boolean(sku)));
});

afterAll(async () => {
  await fixture.close();
});

/** An Onflow account whose process dies once, right after Onflow created a product but before we heard back. */
function dyingAfterCreate(onflow: OnflowGateway, afterCreates: number): OnflowGateway {
  let creates = 0;
  return {
    ...onflow,
    async createProduct(input) {
      const created = await onflow.createProduct(input);
      creates += 1;
      if (creates === afterCreates) throw new Error("process killed");
      return created;
    },
  };
}

describe("catalogue backfill", () => {
  it("survives a crash halfway and a second start, and ends with each SKU at Onflow exactly once", async () => {
    const fast = fastOnflowFor(fixture);
    const { backfillId } = await requestCatalogueBackfill(SHOP);

    // The first process syncs two pages, then dies mid-page, after Onflow acted on a create.
    const first = newWorker(handlersWithBackfill({ pageSize: PAGE_SIZE, onflow: fast }));
    expect(await first.drainOnce()).toBe(1);
    expect(await first.drainOnce()).toBe(1);
    const dying = catalogueBackfillHandler({ pageSize: PAGE_SIZE, onflow: dyingAfterCreate(fast, 2) });
    const crashed = newWorker((topic) => (topic === CATALOGUE_BACKFILL_TOPIC ? dying : handlerFor(topic)));
    expect(await crashed.drainOnce()).toBe(1);
    expect(await prisma.catalogueBackfill.findUniqueOrThrow({ where: { id: backfillId } })).toMatchObject({ status: "running", variantsSeen: 2 * PAGE_SIZE });

    // The merchant presses "Sync catalogue" while it is still running: it joins the same backfill.
    expect(await requestCatalogueBackfill(SHOP)).toEqual({ backfillId, started: false });

    // A new process picks everything up.
    await drain(newWorker(handlersWithBackfill({ pageSize: PAGE_SIZE, onflow: fast })), () => new Date(Date.now() + 60_000));

    const backfill = await prisma.catalogueBackfill.findUniqueOrThrow({ where: { id: backfillId } });
    expect(backfill).toMatchObject({ status: "done", variantsSeen: 24, variantsSynced: 23, variantsFailed: 1 });
    expect(await prisma.catalogueBackfill.count({ where: { shop: SHOP } })).toBe(1);

    const atOnflow = await onflowProducts(fixture);
    expect(atOnflow.map((product) => product.sku).sort()).toEqual([...skus].sort());
    expect(atOnflow.every((product) => product.status === "ACTIVE")).toBe(true);

    const links = await linksOf(SHOP);
    expect(links).toHaveLength(24);
    expect(links.filter((link) => link.state === "active")).toHaveLength(23);
    expect(links.find((link) => link.state === "skipped")?.reason).toBe(NO_SKU_REASON);
    expect(new Set(links.map((link) => link.oasin).filter(Boolean)).size).toBe(23);
    expect(fixture.shopify.mutations({ shop: SHOP, name: "inventoryActivate" }).length).toBeGreaterThanOrEqual(23);
  });

  it("starts a fresh pass from the dashboard's job once the last one is done, without creating anything twice", async () => {
    const before = (await fixture.onflow.control.requests()).filter((request) => request.endpoint === "createProduct").length;
    await enqueueJob({ shop: SHOP, source: "internal", topic: CATALOGUE_BACKFILL_TOPIC, deliveryId: "dashboard-button", payload: {} });
    await drain(newWorker(handlersWithBackfill({ pageSize: PAGE_SIZE, onflow: fastOnflowFor(fixture) })));

    const backfills = await prisma.catalogueBackfill.findMany({ where: { shop: SHOP }, orderBy: { startedAt: "asc" } });
    expect(backfills.map((backfill) => backfill.status)).toEqual(["done", "done"]);
    expect(backfills[1]!.variantsSeen).toBe(24);
    const after = (await fixture.onflow.control.requests()).filter((request) => request.endpoint === "createProduct").length;
    expect(after).toBe(before);
  });
});

describe("backfill measurement", () => {
  it("syncs a multi-page catalogue and reports what it cost", async () => {
    const result = await measureCatalogueBackfill({ variants: 12, pageSize: 5, onflowRatePerSecond: 1000, shop: "bench-small.myshopify.com" });
    expect(result.backfill).toMatchObject({ status: "done", variantsSeen: 12, variantsSynced: 12, variantsFailed: 0 });
    expect(result.onflowProductsCreated).toBe(12);
  });
});
