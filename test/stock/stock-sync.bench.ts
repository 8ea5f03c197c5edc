/**
 * How long a full stock run takes for a large catalogue against the Onflow emulator's 10 requests/s
 * and the Shopify stand-in's Standard-plan throttle. Run: `npx vitest bench --run test/stock`
 * (STOCK_BENCH_SKUS sets the catalogue size, 10,000 by default).
 */
import { afterAll, beforeAll, bench } from "vitest";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import prisma from "~/db.server";
import { throttleEvents } from "~/shopify/admin.server";
import { runStockSync } from "~/sync/stock/run-stock-sync.server";
import { connectOnflow, installShop } from "../factories/shop";
import { routeShopifyTo } from "../setup/fetch-stub";

const SHOP = "bench-shop.myshopify.com";
const WAREHOUSE = "ONF_WH_HCM_Q7";
const TOKEN = "bench-token";
const SKUS = Number(process.env.STOCK_BENCH_SKUS ?? 10_000);

let onflow: RunningOnflowEmulator;
let shopify: RunningShopifyStandin;
let oasins: string[];

beforeAll(async () => {
  onflow = await startOnflowEmulator({ tokens: [TOKEN], rateLimitPerSecond: 10 });
  shopify = await startShopifyStandin();
  routeShopifyTo(shopify.url);
  const grant = shopify.addShop(SHOP);
  await installShop(SHOP, grant.access_token);
  const { locationId } = shopify.createFulfillmentService(SHOP, { name: "Onflow", inventoryManagement: true });
  await connectOnflow(SHOP, { baseUrl: onflow.url, token: TOKEN, warehouseCode: WAREHOUSE, locationId });

  const skus = Array.from({ length: SKUS }, (_, index) => `BENCH-${index}`);
  const products = shopify.createProducts(SHOP, skus.map((sku) => ({ title: sku, variants: [{ sku, inventory: [{ locationId, onHand: 0 }] }] })));
  const seeded = await onflow.control.seedCatalogue(skus.map((sku, index) => ({ sku, name: sku, warehouseCode: WAREHOUSE, quantity: 1 + (index % 40) })), TOKEN);
  const oasinBySku = new Map(seeded.map((entry) => [entry.sku, entry.oasin]));
  oasins = skus.map((sku) => oasinBySku.get(sku)!);
  await prisma.productLink.createMany({
    data: products.map((product) => {
      const variant = product.variants[0]!;
      return { shop: SHOP, productId: product.id, variantId: variant.id, inventoryItemId: variant.inventoryItemId, sku: variant.sku, title: variant.sku!, oasin: oasinBySku.get(variant.sku!)!, state: "active" };
    }),
  });
}, 600_000);

afterAll(async () => {
  await shopify.close();
  await onflow.close();
});

/** A cold run (nothing remembered yet), then a warm run after 1% of Onflow's stock moved. */
bench(
  `full stock run over ${SKUS} linked SKUs`,
  async () => {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const timed = async (label: string) => {
      const throttledBefore = throttleEvents.count;
      const started = Date.now();
      const summary = await runStockSync(SHOP, { trigger: "manual" });
      console.log(
        `${label}: ${summary.itemsRead} read, ${summary.itemsChanged} changed, ${summary.itemsFailed} failed, status ${summary.status}, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s, ${throttleEvents.count - throttledBefore} Shopify throttle waits`,
      );
    };
    await timed("cold stock run");
    for (let index = 0; index < SKUS; index += 100) {
      await onflow.control.setStock({ oasin: oasins[index]!, warehouseCode: WAREHOUSE, quantity: 77, token: TOKEN });
    }
    await timed("warm stock run (1% moved)");
    clearInterval(sampler);
    console.log(`peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  },
  { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
);
