import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createOnflowClient } from "../app/onflow/client.server";
import { sellableQuantities } from "../app/sync/stock/sellable-quantity";
import { OnflowEmulatorControl } from "../emulators/onflow/control";
import type { Harness } from "../test/support/harness";
import { startHarness } from "../test/support/harness";
import { waitUntil } from "../test/support/wait-until";
import { demoCustomers, demoProducts, demoStock } from "./demo/catalogue";
import { startPreview } from "./demo/preview";
import { DemoReport } from "./demo/report";

// `npm run demo`: the connector's whole job on this machine, against the Onflow emulator and the
// Shopify Admin stand-in, with the production build of the app as a separate process.

const { values: options } = parseArgs({ options: { once: { type: "boolean", default: false }, report: { type: "string" } } });
const SHOP = "song-hong-tea.myshopify.com";
const STEP_TIMEOUT_MS = 90_000;

const report = new DemoReport();
let harness: Harness | undefined;
const running: { stopPreview?: () => Promise<void> } = {};

async function shutdown(code: number): Promise<never> {
  await running.stopPreview?.();
  await harness?.stop();
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(report.ok ? 0 : 1));
process.once("SIGTERM", () => void shutdown(report.ok ? 0 : 1));

async function main() {
  let onflow!: OnflowEmulatorControl;
  let db!: Harness["database"];
  const variantIds: string[] = [];

  await report.step("Build the app, start it with the Onflow emulator and the Shopify stand-in", async () => {
    harness = await startHarness({ shop: SHOP, appEnv: { LOG_LEVEL: "error" } });
    onflow = new OnflowEmulatorControl(harness.onflow!.url);
    db = harness.database;
    return { app: harness.app.url, onflow: harness.onflow!.url };
  });

  await report.step("Install the shop and connect Onflow (warehouse, brand, fulfillment service)", async () => {
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    await onflow.registerWebhooks([harness!.onflowWebhookUrl], harness!.onflow!.token);
    return { shop: SHOP, warehouse: `${shop.warehouseName} (${shop.warehouseCode})`, brand: shop.brandName ?? "", location: harness!.locationId };
  });

  await report.step("Sync the catalogue: Shopify products become active Onflow products", async () => {
    for (const product of demoProducts) {
      const { product: created } = await harness!.shopify.createProduct(product);
      for (const variant of (created.variants as { nodes: { id: string }[] }).nodes) variantIds.push(variant.id);
    }
    const links = await waitUntil(
      "every variant to be active at Onflow and stocked at the Onflow location",
      async () => {
        const rows = await db.productLink.findMany({ where: { shop: SHOP } });
        return rows.length === variantIds.length && rows.every((row) => row.state === "active" && row.stockedAt) ? rows : undefined;
      },
      STEP_TIMEOUT_MS,
      200,
    );
    return { "products synced": links.length, "Onflow products": new Set(links.map((link) => link.oasin)).size };
  });

  await report.step("Onflow receives the merchant's stock (put-away in the warehouse)", async () => {
    const links = await db.productLink.findMany({ where: { shop: SHOP } });
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
    for (const link of links) {
      await onflow.setStock({ oasin: link.oasin!, warehouseCode: shop.warehouseCode!, quantity: demoStock[link.sku!] ?? 0, token: harness!.onflow!.token });
    }
    return { "SKUs stocked": links.length, units: Object.values(demoStock).reduce((sum, units) => sum + units, 0) };
  });

  const orderIds: string[] = [];
  await report.step("Place orders: each becomes one accepted Onflow B2C shipment", async () => {
    for (const [index, customer] of demoCustomers.entries()) {
      const { order } = await harness!.shopify.createOrder({
        lineItems: [
          { variantId: variantIds[index % variantIds.length]!, quantity: 1 },
          { variantId: variantIds[(index + 2) % variantIds.length]!, quantity: 2 },
        ],
        shippingAddress: customer,
        paymentGatewayNames: index === 1 ? ["Cash on Delivery (COD)"] : ["shopify_payments"],
        displayFinancialStatus: index === 1 ? "PENDING" : "PAID",
      });
      orderIds.push(order.id as string);
    }
    const accepted = await waitUntil(
      "every order to be accepted by the app",
      async () => {
        const rows = await db.handoff.findMany({ where: { shop: SHOP, state: "accepted" } });
        return rows.length === orderIds.length ? rows : undefined;
      },
      STEP_TIMEOUT_MS,
      200,
    );
    const created = (await onflow.requests()).filter((request) => request.endpoint === "createShipment" && request.status === 200);
    return { "orders placed": orderIds.length, "Onflow shipments created": created.length, accepted: accepted.length };
  });

  await report.step("Onflow picks, packs and hands over: Shopify orders fulfilled with tracking", async () => {
    const handoffs = await db.handoff.findMany({ where: { shop: SHOP } });
    for (const handoff of handoffs) await onflow.advanceShipment(handoff.onflowTrackingCode!, "handed_over", harness!.onflow!.token);
    const fulfilled = await waitUntil(
      "every hand-off to be fulfilled in Shopify",
      async () => {
        const rows = await db.handoff.findMany({ where: { shop: SHOP, state: "fulfilled" } });
        return rows.length === handoffs.length ? rows : undefined;
      },
      STEP_TIMEOUT_MS,
      200,
    );
    const fulfillments = await harness!.shopify.mutations("fulfillmentCreate");
    const withTracking = fulfillments.filter((call) => (call.arguments.fulfillment as { trackingInfo?: { number?: string } }).trackingInfo?.number);
    return { "Shopify fulfillments with tracking numbers": withTracking.length, "orders fulfilled": fulfilled.length, example: fulfilled[0]?.courierTrackingCode ?? "" };
  });

  await report.step("Stock sync: Onflow's grade-A stock written as on_hand at the Onflow location", async () => {
    const requestedAt = new Date();
    await db.job.create({ data: { shop: SHOP, source: "internal", topic: "INTERNAL_STOCK_SYNC", deliveryId: `demo-stock:${requestedAt.getTime()}`, payload: JSON.stringify({ trigger: "manual" }) } });
    const run = await waitUntil(
      "a stock run to finish",
      async () => (await db.stockRun.findFirst({ where: { shop: SHOP, finishedAt: { not: null }, startedAt: { gte: requestedAt } }, orderBy: { startedAt: "desc" } })) ?? undefined,
      STEP_TIMEOUT_MS,
      200,
    );
    if (run.status !== "succeeded") throw new Error(`The stock run ended ${run.status}: ${run.error ?? "no reason recorded"}`);
    const writes = await harness!.shopify.mutations("inventorySetQuantities");
    const levels = writes.flatMap((call) => ((call.arguments.input as { quantities?: unknown[] }).quantities ?? []) as unknown[]);
    const matching = await countLevelsMatchingOnflow();
    return { "SKUs read": run.itemsRead, "inventory levels written": levels.length, "on_hand equal to Onflow stock": matching, failed: run.itemsFailed };
  });
}

/** How many linked variants show, at the Onflow location in Shopify, the sellable units Onflow holds. */
async function countLevelsMatchingOnflow(): Promise<string> {
  const db = harness!.database;
  const shop = await db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
  const links = await db.productLink.findMany({ where: { shop: SHOP } });
  const onflowClient = createOnflowClient({ baseUrl: harness!.onflow!.url, token: harness!.onflow!.token });
  const { items } = await onflowClient.listStock({ page: 1, pageSize: 200, warehouseCode: shop.warehouseCode! });
  const sellable = sellableQuantities(items, shop.warehouseCode!);
  let matching = 0;
  for (const link of links) {
    const level = (await harness!.shopify.inventoryLevel(link.inventoryItemId!, harness!.locationId)) as { quantities?: { name: string; quantity: number }[] } | null;
    const onHand = level?.quantities?.find((quantity) => quantity.name === "on_hand")?.quantity;
    if (onHand === (sellable.get(link.oasin!) ?? 0)) matching++;
  }
  return `${matching}/${links.length}`;
}

await main().catch((error) => {
  process.stdout.write(`Demo crashed: ${error instanceof Error ? error.stack : String(error)}\n`);
});
process.stdout.write(`${report.summary()}\n`);
if (options.report) writeFileSync(options.report, `${JSON.stringify(report.toJSON(), null, 2)}\n`);

if (options.once || !report.ok || !harness) await shutdown(report.ok ? 0 : 1);
const preview = await startPreview(harness!);
running.stopPreview = preview.stop;
process.stdout.write(`\nOpen the embedded admin: ${preview.url}\nThe app keeps running (worker and scheduler included) until Ctrl-C.\n`);
