import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness";
import { startHarness } from "../support/harness";
import { waitUntil } from "../support/wait-until";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 180_000);

afterAll(() => harness?.stop());

const storedShopifyJobs = () => harness.database.job.findMany({ where: { source: "shopify", shop: harness.shop } });

describe("the end-to-end harness", () => {
  it("runs the app, answering health checks, with the shop installed and Onflow connected", async () => {
    expect((await fetch(`${harness.app.url}/healthz`)).status).toBe(200);
    const shop = await harness.database.shop.findUniqueOrThrow({ where: { domain: harness.shop } });
    expect(shop).toMatchObject({ onflowEnvironment: "custom", onflowCustomBaseUrl: harness.onflow?.url, locationId: harness.locationId });
    expect((await harness.shopify.state()).fulfillmentServices).toEqual([expect.objectContaining({ locationId: harness.locationId })]);
  });

  it("delivers a signed products/create webhook that the app accepts and stores once", async () => {
    const { product, deliveries } = await harness.shopify.createProduct({ title: "Trà Shan Tuyết", variants: [{ sku: "TEA-1", price: "120000.00" }] });

    expect(deliveries.map((delivery) => [delivery.topic, delivery.status])).toEqual([["products/create", 200]]);
    const jobs = await storedShopifyJobs();
    const stored = jobs.find((job) => job.deliveryId === deliveries[0].webhookId);
    expect(stored).toMatchObject({ topic: "PRODUCTS_CREATE", eventId: deliveries[0].eventId });
    expect(JSON.parse(stored!.payload)).toMatchObject({ admin_graphql_api_id: product.id, variants: [{ sku: "TEA-1" }] });

    const duplicate = await harness.shopify.redeliverWebhook(deliveries[0].webhookId, { sameWebhookId: true });
    expect(duplicate.status).toBe(200);
    expect((await storedShopifyJobs()).filter((job) => job.deliveryId === deliveries[0].webhookId)).toHaveLength(1);
  });

  it("answers a webhook with a bad signature 401 and stores nothing", async () => {
    const before = await storedShopifyJobs();

    const forged = await harness.shopify.sendWebhook("products/create", { id: 424242, title: "Forged" }, { badSignature: true });

    expect(forged.status).toBe(401);
    expect(await storedShopifyJobs()).toHaveLength(before.length);
  });

  it("sees the worker call the stand-in back: a new product is stocked at the Onflow location", async () => {
    const { product } = await harness.shopify.createProduct({ title: "Cà phê Buôn Ma Thuột", variants: [{ sku: "CAFE-1", price: "90000.00", weight: { unit: "GRAMS", value: 500 } }] });
    const inventoryItemId = product.variants.nodes[0].inventoryItem.id;

    const activation = await harness.shopify.waitForMutation(
      "inventoryActivate",
      (call) => call.arguments.inventoryItemId === inventoryItemId && call.arguments.locationId === harness.locationId,
      30_000,
    );

    expect(activation.errors).toEqual([]);
    expect(activation.result).toMatchObject({ userErrors: [] });
    expect(await harness.shopify.inventoryLevel(inventoryItemId, harness.locationId)).not.toBeNull();
  });

  it("survives the app being killed and started again, keeping what it stored", async () => {
    const before = await storedShopifyJobs();
    const oldPid = harness.app.pid();

    await harness.app.restart();

    expect(harness.app.pid()).not.toBe(oldPid);
    expect((await fetch(`${harness.app.url}/healthz`)).status).toBe(200);
    await waitUntil("the jobs to still be there", async () => (await storedShopifyJobs()).length >= before.length);
  });
});
