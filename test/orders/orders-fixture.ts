/**
 * An installed, connected shop against the in-process Onflow emulator and Shopify stand-in, with
 * the stand-in's webhooks fed into the app's real inbox and the worker drained on demand.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import prisma from "~/db.server";
import { recordShopifyWebhook } from "~/jobs/inbox.server";
import { handlerFor } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { enqueueJob } from "~/models/job.server";
import { connectOnflow, installShop } from "../factories/shop";
import { routeShopifyTo } from "../setup/fetch-stub";

export const WAREHOUSE = "ONF_WH_HCM_Q7";
export const VIETNAMESE_ADDRESS = {
  firstName: "Nguyễn Thị",
  lastName: "Hồng",
  phone: "0901234567",
  address1: "12 Lê Lợi",
  address2: "Phường Bến Nghé",
  city: "Quận 1",
  province: "TP Hồ Chí Minh",
  zip: "700000",
  country: "Vietnam",
  countryCode: "VN",
};

export interface OrdersWorld {
  shop: string;
  token: string;
  onflow: RunningOnflowEmulator;
  shopify: RunningShopifyStandin;
  locationId: string;
  /** sku → variant GID, for products linked to active Onflow products */
  variants: Map<string, string>;
  close(): Promise<void>;
}

/** Receives the stand-in's webhooks and stores them through the app's inbox, as app/routes/webhooks.tsx would. */
async function startWebhookInbox(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const topic = String(request.headers["x-shopify-topic"]).toUpperCase().replace(/[^A-Z0-9]+/g, "_");
      void recordShopifyWebhook({
        shop: String(request.headers["x-shopify-shop-domain"]),
        topic,
        webhookId: String(request.headers["x-shopify-webhook-id"]),
        payload: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      }).then(
        () => response.writeHead(200).end(),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

export async function startOrdersWorld(shop: string, skus: string[]): Promise<OrdersWorld> {
  const token = `token-${shop}`;
  const inbox = await startWebhookInbox();
  const onflow = await startOnflowEmulator({ tokens: [token], rateLimitPerSecond: 1000 });
  const shopify = await startShopifyStandin({ appUrl: `http://127.0.0.1:${(inbox.address() as AddressInfo).port}` });
  routeShopifyTo(shopify.url);
  const grant = shopify.addShop(shop);
  await installShop(shop, grant.access_token);
  const locationId = shopify.createFulfillmentService(shop, { name: "Onflow", inventoryManagement: true, trackingSupport: true }).locationId;
  await connectOnflow(shop, { baseUrl: onflow.url, token, warehouseCode: WAREHOUSE, locationId });

  const products = shopify.createProducts(shop, skus.map((sku) => ({ title: `Áo ${sku}`, variants: [{ sku, inventory: [{ locationId, available: 100 }] }] })));
  const seeded = await onflow.control.seedCatalogue(skus.map((sku) => ({ sku, name: sku, warehouseCode: WAREHOUSE, quantity: 100 })), token);
  const variants = new Map<string, string>();
  for (const product of products) {
    const variant = product.variants[0]!;
    const oasin = seeded.find((entry) => entry.sku === variant.sku)!.oasin;
    variants.set(variant.sku!, variant.id);
    await prisma.productLink.create({
      data: { shop, productId: product.id, variantId: variant.id, inventoryItemId: variant.inventoryItemId, sku: variant.sku, title: variant.sku!, oasin, state: "active" },
    });
  }
  return {
    shop,
    token,
    onflow,
    shopify,
    locationId,
    variants,
    async close() {
      await shopify.close();
      await onflow.close();
      await new Promise((resolve) => inbox.close(resolve));
    },
  };
}

/** Runs every job that is due, including retries whose backoff has not elapsed in real time. */
export async function drain(world: OrdersWorld) {
  const worker = new Worker({ handlers: handlerFor, pollMs: 10, concurrency: 1, leaseMs: 60_000, backoffBaseMs: 10, backoffCapMs: 100 });
  for (let pass = 0; pass < 500; pass++) {
    await world.shopify.settled();
    const ran = await worker.drainOnce(new Date(Date.now() + 24 * 3600_000));
    if (ran === 0) {
      await world.shopify.settled();
      if ((await worker.drainOnce(new Date(Date.now() + 24 * 3600_000))) === 0) return;
    }
  }
  throw new Error("the queue never drained");
}

let internalDelivery = 0;
export async function runTask(world: OrdersWorld, topic: string) {
  await enqueueJob({ shop: world.shop, source: "internal", topic, deliveryId: `test-task-${++internalDelivery}`, payload: {} });
  await drain(world);
}

export async function createdShipments(world: OrdersWorld) {
  return (await world.onflow.control.requests()).filter((request) => request.endpoint === "createShipment" && request.status === 200);
}

export function fulfillmentOrderOf(world: OrdersWorld, orderId: string) {
  const order = world.shopify.order(world.shop, orderId)!;
  return order.fulfillmentOrders.nodes[0]!;
}
