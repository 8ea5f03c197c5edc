import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action } from "~/routes/webhooks";
import { installShop } from "../factories/shop";

const SHOP = "inbox-shop.myshopify.com";

function webhookRequest(topic: string, body: unknown, { webhookId, hmac }: { webhookId: string; hmac?: string }) {
  const raw = JSON.stringify(body);
  return new Request("https://my-test-app.myshopify.io/webhooks", {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Event-Id": "event-1",
      "X-Shopify-Triggered-At": "2026-11-27T10:00:00.000Z",
      "X-Shopify-Hmac-Sha256": hmac ?? getHmac(raw, API_SECRET_KEY),
    },
  });
}

async function deliver(request: Request): Promise<number> {
  try {
    const response = await action({ request, params: {}, context: {} });
    return response.status;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("Shopify webhook inbox", () => {
  beforeEach(async () => {
    await prisma.job.deleteMany();
    await installShop(SHOP);
  });

  it("stores a delivery once however often Shopify sends it", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(await deliver(webhookRequest("products/create", { id: 7 }, { webhookId: "delivery-1" })));
    }
    expect(statuses).toEqual([200, 200, 200]);
    const jobs = await prisma.job.findMany();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ topic: "PRODUCTS_CREATE", deliveryId: "delivery-1", eventId: "event-1", status: "pending", shop: SHOP });
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ id: 7 });
  });

  it.each([
    "products/create",
    "orders/create",
    "app/uninstalled",
    "fulfillment_orders/fulfillment_request_submitted",
    "customers/data_request",
    "customers/redact",
    "shop/redact",
  ])("answers %s with a bad HMAC with 401 and stores nothing", async (topic) => {
    const status = await deliver(webhookRequest(topic, { id: 1 }, { webhookId: `bad-${topic}`, hmac: getHmac("tampered", API_SECRET_KEY) }));
    expect(status).toBe(401);
    expect(await prisma.job.count()).toBe(0);
  });

  it("records a topic no handler knows instead of dropping it", async () => {
    await deliver(webhookRequest("collections/create", { id: 3 }, { webhookId: "unknown-topic" }));
    expect(await prisma.job.findFirst({ where: { deliveryId: "unknown-topic" } })).toMatchObject({ topic: "COLLECTIONS_CREATE" });
  });
});
