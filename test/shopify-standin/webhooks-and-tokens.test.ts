import { execFile } from "node:child_process";
import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { getHmac } from "@shopify/shopify-api/test-helpers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningShopifyStandin } from "../../emulators/shopify";
import { startShopifyStandin } from "../../emulators/shopify";

const SHOP = "hooks.myshopify.com";
const SECRET = "app-secret-for-tests";
const REDIRECT = fileURLToPath(new URL("../support/shopify-redirect.mjs", import.meta.url));

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let standin: RunningShopifyStandin;
let received: Received[];
let closeApp: () => void;

beforeEach(async () => {
  received = [];
  const app = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  closeApp = () => app.close();
  standin = await startShopifyStandin({ appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`, apiKey: "app-key", apiSecret: SECRET });
  standin.addShop(SHOP);
});

afterEach(async () => {
  await standin.close();
  closeApp();
});

describe("webhooks to the app", () => {
  it("sends products/create signed with the app secret, shaped like Shopify's REST payload", async () => {
    const { product, deliveries } = await standin.createProduct(SHOP, { title: "Nón lá", variants: [{ sku: "NON-1", price: "50000.00" }] });

    expect(deliveries).toHaveLength(1);
    const [delivery] = received;
    expect(delivery.path).toBe("/webhooks");
    expect(delivery.headers).toMatchObject({
      "x-shopify-topic": "products/create",
      "x-shopify-shop-domain": SHOP,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": deliveries[0].webhookId,
      "x-shopify-event-id": deliveries[0].eventId,
    });
    expect(delivery.headers["x-shopify-hmac-sha256"]).toBe(getHmac(delivery.body, SECRET));
    expect(JSON.parse(delivery.body)).toMatchObject({
      id: Number(product.legacyResourceId),
      admin_graphql_api_id: product.id,
      title: "Nón lá",
      variants: [{ sku: "NON-1", price: "50000.00", admin_graphql_api_id: product.variants.nodes[0].id }],
    });
  });

  it("redelivers an event with the same event id and a new webhook id, or as a true duplicate", async () => {
    const { deliveries } = await standin.createProduct(SHOP, { title: "Cà phê" });
    const original = deliveries[0];

    const redelivery = await standin.redeliverWebhook(original.webhookId);
    const duplicate = await standin.redeliverWebhook(original.webhookId, { sameWebhookId: true });

    expect(redelivery).toMatchObject({ eventId: original.eventId, body: original.body });
    expect(redelivery.webhookId).not.toBe(original.webhookId);
    expect(duplicate).toMatchObject({ eventId: original.eventId, webhookId: original.webhookId });
    expect(received.map((delivery) => delivery.headers["x-shopify-event-id"])).toEqual([original.eventId, original.eventId, original.eventId]);
  });

  it("can sign deliberately badly, so the app's 401 path can be tested", async () => {
    const delivery = await standin.sendWebhook(SHOP, "products/create", { id: 1 }, { badSignature: true });

    expect(received[0].headers["x-shopify-hmac-sha256"]).not.toBe(getHmac(delivery.body, SECRET));
  });

  it("announces a fulfillment request the app itself submitted, as Shopify does", async () => {
    const { locationId } = standin.createFulfillmentService(SHOP, { name: "Onflow" });
    await standin.createProduct(SHOP, { title: "Áo dài", variants: [{ sku: "AO-1", inventory: [{ locationId }] }] });
    const { order } = await standin.createOrder(SHOP, { lineItems: [{ sku: "AO-1", quantity: 1 }] });
    const { access_token } = standin.addShop(SHOP);
    const foId = order.fulfillmentOrders.nodes[0].id;

    await fetch(new URL("/admin/api/2026-07/graphql.json", standin.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": access_token, "X-Standin-Shop": SHOP },
      body: JSON.stringify({ query: `mutation { fulfillmentOrderSubmitFulfillmentRequest(id: "${foId}") { userErrors { message } } }` }),
    });
    await standin.settled();

    const announced = received.find((delivery) => delivery.headers["x-shopify-topic"] === "fulfillment_orders/fulfillment_request_submitted");
    expect(JSON.parse(announced!.body)).toMatchObject({ submitted_fulfillment_order: { id: foId, request_status: "submitted" } });
  });
});

describe("expiring offline tokens", () => {
  it("exchanges a refresh token for a new working access token", async () => {
    const grant = standin.addShop(SHOP);
    const response = await fetch(new URL("/admin/oauth/access_token", standin.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Standin-Shop": SHOP },
      body: JSON.stringify({ client_id: "app-key", client_secret: SECRET, grant_type: "refresh_token", refresh_token: grant.refresh_token }),
    });

    expect(response.status).toBe(200);
    const refreshed = await response.json();
    expect(refreshed).toMatchObject({ access_token: expect.stringMatching(/^shpat_/), refresh_token: expect.stringMatching(/^shprt_/), expires_in: 3600 });
    expect(standin.tokens.shopOf(refreshed.access_token)).toBe(SHOP);
  });
});

describe("the fetch redirect preload", () => {
  const runWithRedirect = (env: Record<string, string>) =>
    promisify(execFile)(
      process.execPath,
      ["--import", REDIRECT, "--input-type=module", "-e", `const r = await fetch("https://${SHOP}/admin/api/2026-07/graphql.json?x=1", { method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": process.env.TOKEN }, body: JSON.stringify({ query: "{ shop { myshopifyDomain } }" }) }); console.log(await r.text());`],
      { env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv },
    );

  it("sends https://<shop>.myshopify.com calls to the stand-in", async () => {
    const { access_token } = standin.addShop(SHOP);
    const { stdout } = await runWithRedirect({ SHOPIFY_STANDIN_URL: standin.url, TOKEN: access_token });

    expect(JSON.parse(stdout).data).toEqual({ shop: { myshopifyDomain: SHOP } });
  });

  it("refuses to load under NODE_ENV=production unless a demo or test run says so", async () => {
    await expect(runWithRedirect({ SHOPIFY_STANDIN_URL: standin.url, NODE_ENV: "production" })).rejects.toThrow(/refuses to load with NODE_ENV=production/);
  });

  it("refuses a stand-in that is not on this machine", async () => {
    await expect(runWithRedirect({ SHOPIFY_STANDIN_URL: "http://example.com" })).rejects.toThrow(/only redirects to a loopback address/);
  });
});
