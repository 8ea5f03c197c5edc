/**
 * One shop wired to an in-process Onflow emulator and Shopify stand-in, with the helpers the
 * catalogue tests and the backfill benchmark share.
 */
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import prisma from "~/db.server";
import { recordShopifyWebhook } from "~/jobs/inbox.server";
import type { JobHandler } from "~/jobs/job-context";
import { handlerFor } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { createOnflowClient } from "~/onflow/client.server";
import type { OnflowGateway, Product } from "~/onflow/gateway";
import { CATALOGUE_BACKFILL_TOPIC, catalogueBackfillHandler, type BackfillOptions } from "~/sync/catalogue/backfill.server";
import { connectOnflow, installShop } from "../factories/shop";
import { routeShopifyTo } from "../setup/fetch-stub";

export const WAREHOUSE = "ONF_WH_HCM_Q7";
export const BRAND_ID = 3105;

export interface CatalogueFixture {
  shop: string;
  token: string;
  onflow: RunningOnflowEmulator;
  shopify: RunningShopifyStandin;
  locationId: string;
  /** A client on the merchant's account, to look at Onflow as the merchant would. */
  onflowApi: OnflowGateway;
  close(): Promise<void>;
}

export async function startCatalogueFixture(options: { shop: string; token: string; onflowRatePerSecond?: number }): Promise<CatalogueFixture> {
  const onflow = await startOnflowEmulator({ tokens: [options.token], rateLimitPerSecond: options.onflowRatePerSecond ?? 1000 });
  const shopify = await startShopifyStandin();
  routeShopifyTo(shopify.url);
  const grant = shopify.addShop(options.shop);
  await installShop(options.shop, grant.access_token);
  const locationId = shopify.createFulfillmentService(options.shop, { name: "Onflow", inventoryManagement: true }).locationId;
  await connectOnflow(options.shop, { baseUrl: onflow.url, token: options.token, warehouseCode: WAREHOUSE, brandId: BRAND_ID, locationId });
  return {
    shop: options.shop,
    token: options.token,
    onflow,
    shopify,
    locationId,
    onflowApi: createOnflowClient({ baseUrl: onflow.url, token: options.token, rateLimitPerSecond: 1000, retryBaseDelayMs: 1 }),
    async close() {
      await shopify.close();
      await onflow.close();
    },
  };
}

/** Every product on the merchant's Onflow account. */
export async function onflowProducts(fixture: CatalogueFixture): Promise<Product[]> {
  const products: Product[] = [];
  for (let page = 1; ; page++) {
    const { items } = await fixture.onflowApi.listProducts({ page, pageSize: 100 });
    products.push(...items);
    if (items.length < 100) return products;
  }
}

/** Onflow clients for the jobs, without the production 10 req/s pacing unless asked for. */
export function fastOnflowFor(fixture: CatalogueFixture, ratePerSecond = 1000): OnflowGateway {
  return createOnflowClient({ baseUrl: fixture.onflow.url, token: fixture.token, rateLimitPerSecond: ratePerSecond, retryBaseDelayMs: 1 });
}

/** The registry's handlers, with the backfill swapped for one built with these options. */
export function handlersWithBackfill(options: BackfillOptions): (topic: string) => JobHandler | undefined {
  const backfill = catalogueBackfillHandler(options);
  return (topic) => (topic === CATALOGUE_BACKFILL_TOPIC ? backfill : handlerFor(topic));
}

export function newWorker(handlers: (topic: string) => JobHandler | undefined = handlerFor) {
  return new Worker({ handlers, pollMs: 10, concurrency: 1, leaseMs: 60_000, backoffBaseMs: 1, backoffCapMs: 5 });
}

/** Runs due jobs until none is left; `now` in the future also runs retries waiting on backoff. */
export async function drain(worker: Worker, now?: () => Date) {
  while ((await worker.drainOnce(now?.())) > 0);
}

let webhookSequence = 0;

/** Stores a Shopify webhook as the verified webhook route would (a new delivery id each time). */
export async function deliverShopifyWebhook(shop: string, topic: string, body: string) {
  webhookSequence += 1;
  await recordShopifyWebhook({ shop, topic, webhookId: `test-webhook-${webhookSequence}`, eventId: `event-${webhookSequence}`, triggeredAt: new Date().toISOString(), payload: JSON.parse(body) });
}

export async function linksOf(shop: string) {
  return prisma.productLink.findMany({ where: { shop }, orderBy: { createdAt: "asc" } });
}
