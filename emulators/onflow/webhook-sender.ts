/**
 * Delivers webhooks the way webhooks.md describes Onflow's: a plain JSON POST, no signature,
 * any 2xx counts as delivered. Three attempts is our choice (delivery retries are [unknown]).
 */
import type { WebhookPayload } from "./merchant-account";

export interface WebhookDelivery {
  url: string;
  eventCode: string;
  payload: WebhookPayload;
  attempts: number;
  delivered: boolean;
  lastStatus: number | null;
}

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 200;
const TIMEOUT_MS = 5_000;

export class WebhookSender {
  readonly deliveries: WebhookDelivery[] = [];
  private pending = new Set<Promise<void>>();

  send(urls: readonly string[], payload: WebhookPayload): void {
    for (const url of urls) {
      const delivery: WebhookDelivery = { url, eventCode: String(payload.event_code), payload, attempts: 0, delivered: false, lastStatus: null };
      this.deliveries.push(delivery);
      const task = this.deliver(delivery).finally(() => this.pending.delete(task));
      this.pending.add(task);
    }
  }

  /** Resolves once every delivery started so far has finished (or given up). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    while (delivery.attempts < ATTEMPTS && !delivery.delivered) {
      delivery.attempts += 1;
      try {
        const response = await fetch(delivery.url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(delivery.payload),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer();
        delivery.lastStatus = response.status;
        delivery.delivered = response.ok;
      } catch {
        delivery.lastStatus = null;
      }
      if (!delivery.delivered && delivery.attempts < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    }
  }
}
