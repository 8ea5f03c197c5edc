import { OnflowEmulatorControl } from "../emulators/onflow/control";
import { startHarness } from "../test/support/harness";
import { waitUntil } from "../test/support/wait-until";
import { peakMemoryMb, round } from "./stats";

const ONFLOW_LIMIT_PER_SECOND = 10;
const SKUS = ["BENCH-TRA", "BENCH-CAFE", "BENCH-KHAN"];

export interface OrderPipelineResult {
  plan: string;
  shopifyRestoreRate: number;
  orders: number;
  shipmentsCreated: number;
  drainSeconds: number;
  onflowRequests: number;
  onflowRequestsPerSecond: number;
  fractionOfOnflowLimit: number;
  onflowRateLimited: number;
  appPeakMemoryMb: number;
}

/** Shopify's Admin GraphQL buckets per plan: https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits */
export const SHOPIFY_PLANS = {
  standard: { maximumAvailable: 2000, restoreRate: 100 },
  plus: { maximumAvailable: 20000, restoreRate: 1000 },
} as const;

/** Orders placed in the Shopify stand-in until every one is an accepted Onflow shipment. */
export async function benchOrderPipeline(orders: number, plan: keyof typeof SHOPIFY_PLANS): Promise<OrderPipelineResult> {
  const throttle = SHOPIFY_PLANS[plan];
  const harness = await startHarness({ shop: "bench-orders.myshopify.com", throttle, appEnv: { LOG_LEVEL: "error" } });
  try {
    const onflow = new OnflowEmulatorControl(harness.onflow!.url);
    const token = harness.onflow!.token;
    const seeded = await onflow.seedCatalogue(SKUS.map((sku) => ({ sku, name: sku, warehouseCode: "ONF_WH_HCM_Q7", quantity: orders * 2 })), token);
    const { products } = await harness.shopify.createProducts(
      SKUS.map((sku) => ({ title: sku, variants: [{ sku, inventory: [{ locationId: harness.locationId, available: orders * 2 }] }] })),
    );
    const variants = products.map((product) => product.variants[0]!);
    await harness.database.productLink.createMany({
      data: variants.map((variant, index) => ({
        shop: harness.shop,
        productId: products[index]!.id,
        variantId: variant.id,
        inventoryItemId: variant.inventoryItemId,
        sku: variant.sku,
        title: variant.sku ?? "",
        oasin: seeded.find((entry) => entry.sku === variant.sku)!.oasin,
        state: "active",
        stockedAt: new Date(),
      })),
    });
    await onflow.clearRequests();

    const started = performance.now();
    for (let index = 0; index < orders; index++) {
      await harness.shopify.createOrder({
        lineItems: [{ variantId: variants[index % variants.length]!.id, quantity: 1 }],
        shippingAddress: { firstName: "Nguyễn Thị", lastName: "Hồng", phone: "0901234567", address1: "12 Lê Lợi", address2: "Phường Bến Nghé", city: "Quận 1", province: "TP Hồ Chí Minh", countryCode: "VN" },
      });
    }
    await waitUntil(
      `all ${orders} orders to be accepted`,
      async () => (await harness.database.handoff.count({ where: { shop: harness.shop, state: "accepted" } })) === orders,
      orders * 1000 + 60_000,
      250,
    );
    const drainSeconds = (performance.now() - started) / 1000;
    const counters = await onflow.counters();
    const shipmentsCreated = (await onflow.requests()).filter((request) => request.endpoint === "createShipment" && request.status === 200).length;
    const perSecond = counters.requests / drainSeconds;
    return {
      plan,
      shopifyRestoreRate: throttle.restoreRate,
      orders,
      shipmentsCreated,
      drainSeconds: round(drainSeconds),
      onflowRequests: counters.requests,
      onflowRequestsPerSecond: round(perSecond, 2),
      fractionOfOnflowLimit: round(perSecond / ONFLOW_LIMIT_PER_SECOND, 3),
      onflowRateLimited: counters.rateLimited,
      appPeakMemoryMb: peakMemoryMb(harness.app.pid()),
    };
  } finally {
    await harness.stop();
  }
}
