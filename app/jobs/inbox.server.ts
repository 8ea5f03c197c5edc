import { createHash } from "node:crypto";
import { enqueueJob } from "~/models/job.server";
import { findShopByWebhookKey } from "~/models/shop.server";
import { nudgeWorker } from "./runtime.server";

export interface VerifiedShopifyWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string;
  triggeredAt?: string;
  payload: unknown;
}

/**
 * Stores a verified Shopify delivery once; the caller answers 200 straight after. Whether the shop
 * still has the app is the worker's question, so this path stays one insert.
 */
export async function recordShopifyWebhook(webhook: VerifiedShopifyWebhook): Promise<{ duplicate: boolean }> {
  const stored = await enqueueJob({
    shop: webhook.shop,
    source: "shopify",
    topic: webhook.topic,
    deliveryId: webhook.webhookId,
    eventId: webhook.eventId,
    triggeredAt: webhook.triggeredAt ? new Date(webhook.triggeredAt) : null,
    payload: webhook.payload,
  });
  if (stored) nudgeWorker();
  return { duplicate: !stored };
}

export type OnflowWebhookOutcome = "stored" | "duplicate" | "unknown-endpoint" | "malformed";

/**
 * Onflow signs nothing, so the unguessable key in the URL is what ties a delivery to a shop.
 * Deliveries are deduplicated on instance_id (Onflow's event id; see shared/onflow-api/webhooks.md).
 */
export async function recordOnflowWebhook(key: string, rawBody: string): Promise<OnflowWebhookOutcome> {
  const shop = await findShopByWebhookKey(key);
  if (!shop || shop.uninstalledAt) return "unknown-endpoint";
  const bodyHash = createHash("sha256").update(rawBody).digest("hex");
  const payload = parseObject(rawBody);
  if (!payload) {
    await enqueueJob({
      shop: shop.domain,
      source: "onflow",
      topic: "ONFLOW_MALFORMED",
      deliveryId: `body:${bodyHash}`,
      payload: { raw: rawBody.slice(0, 2000) },
      status: "dead",
      lastError: "Onflow sent a webhook that is not a JSON object",
    });
    return "malformed";
  }
  const eventCode = typeof payload.event_code === "string" ? payload.event_code : "unknown";
  const instanceId = typeof payload.instance_id === "string" ? payload.instance_id : `body:${bodyHash}`;
  const stored = await enqueueJob({
    shop: shop.domain,
    source: "onflow",
    topic: `ONFLOW_${eventCode.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`,
    deliveryId: instanceId,
    payload,
  });
  if (stored) nudgeWorker();
  return stored ? "stored" : "duplicate";
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
