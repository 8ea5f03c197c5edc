import { DEFAULT_ONFLOW_PAGE_SIZE } from "../app/onflow/endpoints";
import { OnflowEmulatorControl } from "../emulators/onflow/control";
import { startHarness } from "../test/support/harness";
import { waitUntil } from "../test/support/wait-until";
import { peakMemoryMb, round } from "./stats";

const ONFLOW_LIMIT_PER_SECOND = 10;
const CREATE_CHUNK = 1000;

export interface StockRunResult {
  skus: number;
  itemsRead: number;
  runSeconds: number;
  floorSeconds: number;
  ratioToFloor: number;
  itemsChanged: number;
  itemsFailed: number;
  shopifyThrottleEvents: number;
  appPeakMemoryMb: number;
}

/**
 * One "Sync stock now" over `skus` linked variants. The floor is what Onflow's limit alone allows:
 * every page of Get Stock at 10 requests/s.
 */
export async function benchStockRun(skus: number): Promise<StockRunResult> {
  const harness = await startHarness({ shop: "bench-stock.myshopify.com", appEnv: { LOG_LEVEL: "error", SCHEDULER_TICK_MS: "3600000" } });
  try {
    const onflow = new OnflowEmulatorControl(harness.onflow!.url);
    const token = harness.onflow!.token;
    for (let from = 0; from < skus; from += CREATE_CHUNK) {
      const chunk = Array.from({ length: Math.min(CREATE_CHUNK, skus - from) }, (_, offset) => `STOCK-${String(from + offset).padStart(6, "0")}`);
      const seeded = await onflow.seedCatalogue(chunk.map((sku, offset) => ({ sku, name: sku, warehouseCode: "ONF_WH_HCM_Q7", quantity: (from + offset) % 37 })), token);
      const { products } = await harness.shopify.createProducts(chunk.map((sku) => ({ title: sku, variants: [{ sku, inventory: [{ locationId: harness.locationId, onHand: 0 }] }] })));
      await harness.database.productLink.createMany({
        data: products.map((product, offset) => ({
          shop: harness.shop,
          productId: product.id,
          variantId: product.variants[0]!.id,
          inventoryItemId: product.variants[0]!.inventoryItemId,
          sku: chunk[offset]!,
          title: chunk[offset]!,
          oasin: seeded[offset]!.oasin,
          state: "active",
          stockedAt: new Date(),
        })),
      });
    }
    const requestedAt = new Date();
    await harness.database.job.create({
      data: { shop: harness.shop, source: "internal", topic: "INTERNAL_STOCK_SYNC", deliveryId: `bench-stock:${requestedAt.getTime()}`, payload: JSON.stringify({ trigger: "manual" }) },
    });
    const run = await waitUntil(
      "the stock run to finish",
      async () => (await harness.database.stockRun.findFirst({ where: { shop: harness.shop, finishedAt: { not: null }, startedAt: { gte: requestedAt } } })) ?? undefined,
      skus * 200 + 120_000,
      500,
    );
    const runSeconds = (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000;
    const floorSeconds = Math.ceil(skus / DEFAULT_ONFLOW_PAGE_SIZE) / ONFLOW_LIMIT_PER_SECOND;
    return {
      skus,
      itemsRead: run.itemsRead,
      runSeconds: round(runSeconds),
      floorSeconds: round(floorSeconds),
      ratioToFloor: round(runSeconds / floorSeconds, 2),
      itemsChanged: run.itemsChanged,
      itemsFailed: run.itemsFailed,
      shopifyThrottleEvents: (await harness.shopify.throttleRefusals()).count,
      appPeakMemoryMb: peakMemoryMb(harness.app.pid()),
    };
  } finally {
    await harness.stop();
  }
}
