import { createHmac, randomUUID } from "node:crypto";
import { startHarness } from "../test/support/harness";
import { percentile, round } from "./stats";

export interface IngestResult {
  webhooks: number;
  concurrency: number;
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non200: number;
  stored: number;
  duplicatesSent: number;
  duplicatesStored: number;
  lost: number;
}

/**
 * Signed products/update deliveries at a fixed concurrency against the production build, with the
 * worker off so only ingest is measured. One delivery in ten is sent twice, as Shopify does on retry.
 */
export async function benchIngest(total: number, concurrency = 50): Promise<IngestResult> {
  const harness = await startHarness({ shop: "bench-ingest.myshopify.com", onflow: false, appEnv: { WORKER_ENABLED: "false", LOG_LEVEL: "error" } });
  try {
    const deliveries = Array.from({ length: total }, (_, index) => {
      const body = JSON.stringify({ id: 8_000_000 + index, admin_graphql_api_id: `gid://shopify/Product/${8_000_000 + index}`, title: `Sản phẩm ${index}` });
      return { webhookId: index % 10 === 9 ? `bench-${index - 1}` : `bench-${index}`, body };
    });
    const uniqueIds = new Set(deliveries.map((delivery) => delivery.webhookId));
    const latencies: number[] = [];
    let non200 = 0;
    let next = 0;
    const send = async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++]!;
        const started = performance.now();
        const response = await fetch(`${harness.app.url}/webhooks`, {
          method: "POST",
          body: delivery.body,
          headers: {
            "Content-Type": "application/json",
            "X-Shopify-Topic": "products/update",
            "X-Shopify-Shop-Domain": harness.shop,
            "X-Shopify-API-Version": "2026-07",
            "X-Shopify-Webhook-Id": delivery.webhookId,
            "X-Shopify-Event-Id": randomUUID(),
            "X-Shopify-Triggered-At": new Date().toISOString(),
            "X-Shopify-Hmac-Sha256": createHmac("sha256", harness.apiSecret).update(delivery.body).digest("base64"),
          },
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 200) non200++;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, send));
    const seconds = (performance.now() - started) / 1000;
    const stored = await harness.database.job.count({ where: { source: "shopify", topic: "PRODUCTS_UPDATE" } });
    latencies.sort((a, b) => a - b);
    return {
      webhooks: total,
      concurrency,
      throughputPerSecond: round(total / seconds),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      non200,
      stored,
      duplicatesSent: total - uniqueIds.size,
      duplicatesStored: Math.max(0, stored - uniqueIds.size),
      lost: Math.max(0, uniqueIds.size - stored),
    };
  } finally {
    await harness.stop();
  }
}
