import { createHmac, randomUUID } from "node:crypto";

// Delivers webhooks the way Shopify does: one POST per delivery to the app's webhook path, the raw
// body signed with the app secret (base64 HMAC-SHA256), a webhook id that identifies the delivery
// and is kept by its retries, and an event id shared by every delivery of the same event.
// Failed deliveries (no answer, or not 2xx) are retried with a growing delay, as Shopify does.

export const WEBHOOK_API_VERSION = "2026-07";

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  shop: string;
  topic: string;
  triggeredAt: string;
  body: string;
  validSignature: boolean;
  attempts: DeliveryAttempt[];
  /** The status of the last attempt, null when it got no answer or there is no app to send to. */
  status: number | null;
}

export interface DeliveryOptions {
  eventId?: string;
  webhookId?: string;
  triggeredAt?: string;
  /** Signs with a wrong secret, to test that the app refuses it. Such deliveries are not retried. */
  badSignature?: boolean;
}

export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
}

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    private appUrl: string | null,
    private readonly apiSecret: string,
    private readonly retryPolicy: RetryPolicy,
  ) {}

  setAppUrl(appUrl: string | null): void {
    this.appUrl = appUrl;
  }

  async send(shop: string, topic: string, payload: unknown, options: DeliveryOptions = {}): Promise<WebhookDelivery> {
    const delivery: WebhookDelivery = {
      webhookId: options.webhookId ?? randomUUID(),
      eventId: options.eventId ?? randomUUID(),
      shop,
      topic,
      triggeredAt: options.triggeredAt ?? new Date().toISOString(),
      body: JSON.stringify(payload),
      validSignature: !options.badSignature,
      attempts: [],
      status: null,
    };
    this.deliveries.push(delivery);
    await this.attempt(delivery, 1);
    return delivery;
  }

  /** The same event again: a new delivery (new webhook id) unless `sameWebhookId` asks for a true duplicate. */
  redeliver(webhookId: string, options: { sameWebhookId?: boolean; badSignature?: boolean } = {}): Promise<WebhookDelivery> {
    const original = this.deliveries.find((delivery) => delivery.webhookId === webhookId);
    if (!original) throw new Error(`No webhook delivery ${webhookId}`);
    return this.send(original.shop, original.topic, JSON.parse(original.body), {
      eventId: original.eventId,
      triggeredAt: original.triggeredAt,
      webhookId: options.sameWebhookId ? original.webhookId : undefined,
      badSignature: options.badSignature,
    });
  }

  close(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }

  reset(): void {
    this.close();
    this.deliveries.length = 0;
  }

  private sign(body: string, valid: boolean): string {
    return createHmac("sha256", valid ? this.apiSecret : `not-${this.apiSecret}`).update(body, "utf8").digest("base64");
  }

  private async attempt(delivery: WebhookDelivery, attemptNumber: number): Promise<void> {
    if (!this.appUrl) return;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(new URL("/webhooks", this.appUrl), {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Hmac-Sha256": this.sign(delivery.body, delivery.validSignature),
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
          "X-Shopify-API-Version": WEBHOOK_API_VERSION,
        },
        body: delivery.body,
        signal: AbortSignal.timeout(5000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (failure) {
      error = (failure as Error).message;
    }
    delivery.attempts.push({ at: new Date().toISOString(), status, error });
    delivery.status = status;
    const failed = status === null || status < 200 || status >= 300;
    if (failed && delivery.validSignature && attemptNumber < this.retryPolicy.attempts) {
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void this.attempt(delivery, attemptNumber + 1);
      }, this.retryPolicy.initialDelayMs * 2 ** (attemptNumber - 1));
      this.retryTimers.add(timer);
    }
  }
}
