/**
 * A typed client for the emulator's control API, for tests, the demo and the end-to-end harness.
 */
import type { EmulatorCounters, LoggedRequest } from "./emulator-state";
import type { FaultSettings } from "./faults";
import type { ReceivedLine, ReturnOutcome } from "./merchant-account";
import type { WebhookDelivery } from "./webhook-sender";

export interface CatalogueEntry {
  sku: string;
  name: string;
  warehouseCode: string;
  /** Grade-A units on hand after seeding. */
  quantity?: number;
  priceVnd?: number;
  brandId?: number;
}

export type { ReceivedLine, ReturnOutcome };

export class OnflowEmulatorControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

type Shipment = Record<string, unknown> & { tracking_code: string; status_info: { value: number; label: string } };

export class OnflowEmulatorControl {
  constructor(private readonly baseUrl: string) {}

  private async send<Result>(method: string, path: string, body?: unknown): Promise<Result> {
    const response = await fetch(new URL(`/__control${path}`, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = (await response.json()) as Result & { error?: string; errorCode?: string };
    if (!response.ok) throw new OnflowEmulatorControlError(response.status, payload.error ?? response.statusText, payload.errorCode);
    return payload;
  }

  /** Forget every product, order, log entry, fault and webhook target. */
  reset(): Promise<void> {
    return this.send("POST", "/reset");
  }

  /** Create products already ACTIVE in their warehouse with grade-A stock; returns their OASINs. */
  async seedCatalogue(products: CatalogueEntry[], token?: string): Promise<{ sku: string; oasin: string }[]> {
    return (await this.send<{ products: { sku: string; oasin: string }[] }>("POST", "/catalogue", { token, products })).products;
  }

  /** One warehouse step (picked → packed → handed over), or straight to `to`. */
  async advanceShipment(trackingCode: string, to?: "picked" | "packed" | "handed_over", token?: string): Promise<Shipment> {
    return (await this.send<{ shipment: Shipment }>("POST", `/shipments/${encodeURIComponent(trackingCode)}/advance`, { token, to })).shipment;
  }

  async receiveReturn(returnTrackingCode: string, outcome: ReturnOutcome = "received", token?: string): Promise<Record<string, unknown>> {
    return (await this.send<{ return: Record<string, unknown> }>("POST", `/returns/${encodeURIComponent(returnTrackingCode)}/receive`, { token, outcome })).return;
  }

  setStock(input: { oasin: string; warehouseCode: string; quantity: number; stockLevel?: string; token?: string }): Promise<void> {
    return this.send("PUT", "/stock", input);
  }

  /** Receive and put away a TRANSIT PO; by default every declared unit arrives in grade A. */
  async completePurchaseOrder(poCode: string, lines?: ReceivedLine[], token?: string): Promise<Record<string, unknown>> {
    return (await this.send<{ purchaseOrder: Record<string, unknown> }>("POST", `/purchase-orders/${encodeURIComponent(poCode)}/complete`, { token, lines })).purchaseOrder;
  }

  setFaults(faults: Partial<FaultSettings>): Promise<FaultSettings> {
    return this.send("PUT", "/faults", faults);
  }

  clearFaults(): Promise<FaultSettings> {
    return this.send("DELETE", "/faults");
  }

  setRateLimit(perSecond: number): Promise<{ perSecond: number }> {
    return this.send("PUT", "/rate-limit", { perSecond });
  }

  counters(): Promise<EmulatorCounters> {
    return this.send("GET", "/counters");
  }

  requests(): Promise<LoggedRequest[]> {
    return this.send("GET", "/requests");
  }

  /** Clears the request log and the counters. */
  clearRequests(): Promise<void> {
    return this.send("DELETE", "/requests");
  }

  /** Where this token's account posts its webhooks (replaces earlier targets). */
  registerWebhooks(urls: string[], token?: string): Promise<void> {
    return this.send("PUT", "/webhooks", { token, urls });
  }

  /** Every webhook sent so far, after waiting for deliveries in flight. */
  webhookDeliveries(): Promise<WebhookDelivery[]> {
    return this.send("GET", "/webhooks/deliveries");
  }
}
