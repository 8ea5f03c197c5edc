/**
 * The catalogue backfill end to end, for `npm run bench` (1,000 variants) and for the test suite
 * (a few dozen): a Shopify catalogue that existed before the app, synced through the worker.
 */
import prisma from "~/db.server";
import { requestCatalogueBackfill } from "~/sync/catalogue/backfill.server";
import { drain, fastOnflowFor, handlersWithBackfill, newWorker, startCatalogueFixture } from "./catalogue-fixture";

export interface BackfillMeasurement {
  variants: number;
  elapsedMs: number;
  onflowRequests: number;
  onflowProductsCreated: number;
  backfill: { status: string; variantsSeen: number; variantsSynced: number; variantsFailed: number };
}

export interface BackfillScenario {
  variants: number;
  variantsPerProduct?: number;
  pageSize?: number;
  /** Onflow's real budget is 10 requests a second; tests lift it to stay fast. */
  onflowRatePerSecond?: number;
  shop?: string;
}

export async function measureCatalogueBackfill(scenario: BackfillScenario): Promise<BackfillMeasurement> {
  const shop = scenario.shop ?? "bench-shop.myshopify.com";
  const rate = scenario.onflowRatePerSecond ?? 10;
  const fixture = await startCatalogueFixture({ shop, token: `${shop}-token`, onflowRatePerSecond: Math.max(rate, 10) });
  try {
    const perProduct = scenario.variantsPerProduct ?? 4;
    const productCount = Math.ceil(scenario.variants / perProduct);
    fixture.shopify.createProducts(
      shop,
      Array.from({ length: productCount }, (_, p) => ({
        title: `Sản phẩm ${p + 1}`,
        variants: Array.from({ length: Math.min(perProduct, scenario.variants - p * perProduct) }, (_, v) => ({
          title: `Cỡ ${v + 1}`,
          sku: `BENCH-${p + 1}-${v + 1}`,
          price: "99000",
          weight: { unit: "GRAMS" as const, value: 300 },
        })),
      })),
    );
    const worker = newWorker(handlersWithBackfill({ pageSize: scenario.pageSize, onflow: fastOnflowFor(fixture, rate) }));
    const started = performance.now();
    const { backfillId } = await requestCatalogueBackfill(shop);
    await drain(worker);
    const elapsedMs = performance.now() - started;
    const requests = await fixture.onflow.control.requests();
    const backfill = await prisma.catalogueBackfill.findUniqueOrThrow({ where: { id: backfillId } });
    return {
      variants: scenario.variants,
      elapsedMs,
      onflowRequests: requests.length,
      onflowProductsCreated: requests.filter((request) => request.endpoint === "createProduct" && request.status === 201).length,
      backfill: { status: backfill.status, variantsSeen: backfill.variantsSeen, variantsSynced: backfill.variantsSynced, variantsFailed: backfill.variantsFailed },
    };
  } finally {
    await fixture.close();
  }
}
