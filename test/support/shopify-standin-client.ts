import type { GraphqlObject } from "../../emulators/shopify/graphql-object";
import type { ControlOrderInput, ControlProductInput, MutationLogEntry, ResourceId, WebhookDelivery } from "../../emulators/shopify";
import { waitUntil } from "./wait-until";

// The Shopify stand-in's control API, for tests that run it in another process (the harness).
// Method names match the in-process ShopifyStandin so a test reads the same either way.

export class ShopifyStandinClient {
  constructor(
    readonly url: string,
    readonly shop: string,
  ) {}

  private async call<T = GraphqlObject>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(`/__control${path}`, this.url), {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Stand-in ${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  private shopPath(path: string): string {
    return `/shops/${encodeURIComponent(this.shop)}${path}`;
  }

  state() {
    return this.call("GET", this.shopPath(""));
  }

  createProduct(input: ControlProductInput): Promise<{ product: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("POST", this.shopPath("/products"), input);
  }

  createProducts(products: ControlProductInput[]): Promise<{ products: { id: string; variants: { id: string; sku: string | null; inventoryItemId: string }[] }[] }> {
    return this.call("POST", this.shopPath("/products/bulk"), { products });
  }

  product(id: ResourceId) {
    return this.call("GET", this.shopPath(`/products/${encodeURIComponent(String(id))}`));
  }

  updateProduct(id: ResourceId, update: Record<string, unknown>): Promise<{ product: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("PUT", this.shopPath(`/products/${encodeURIComponent(String(id))}`), update);
  }

  deleteProduct(id: ResourceId): Promise<{ deliveries: WebhookDelivery[] }> {
    return this.call("DELETE", this.shopPath(`/products/${encodeURIComponent(String(id))}`));
  }

  setInventory(input: { inventoryItemId: ResourceId; locationId: ResourceId; available?: number; onHand?: number }) {
    return this.call("PUT", this.shopPath("/inventory-levels"), input);
  }

  inventoryLevel(inventoryItemId: ResourceId, locationId: ResourceId) {
    return this.call("GET", this.shopPath(`/inventory-levels?inventoryItemId=${encodeURIComponent(String(inventoryItemId))}&locationId=${encodeURIComponent(String(locationId))}`));
  }

  createOrder(input: ControlOrderInput): Promise<{ order: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("POST", this.shopPath("/orders"), input);
  }

  order(id: ResourceId) {
    return this.call("GET", this.shopPath(`/orders/${encodeURIComponent(String(id))}`));
  }

  cancelOrder(id: ResourceId): Promise<{ order: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("POST", this.shopPath(`/orders/${encodeURIComponent(String(id))}/cancel`), {});
  }

  fulfillmentOrder(id: ResourceId) {
    return this.call("GET", this.shopPath(`/fulfillment-orders/${encodeURIComponent(String(id))}`));
  }

  submitFulfillmentRequest(id: ResourceId, options: { message?: string; notifyCustomer?: boolean } = {}): Promise<{ fulfillmentOrder: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("POST", this.shopPath(`/fulfillment-orders/${encodeURIComponent(String(id))}/fulfillment-request`), options);
  }

  requestCancellation(id: ResourceId, message?: string): Promise<{ fulfillmentOrder: GraphqlObject; deliveries: WebhookDelivery[] }> {
    return this.call("POST", this.shopPath(`/fulfillment-orders/${encodeURIComponent(String(id))}/cancellation-request`), { message });
  }

  sendWebhook(topic: string, payload: unknown, options: { eventId?: string; webhookId?: string; badSignature?: boolean; triggeredAt?: string } = {}): Promise<WebhookDelivery> {
    return this.call("POST", "/webhooks", { shop: this.shop, topic, payload, ...options });
  }

  redeliverWebhook(webhookId: string, options: { sameWebhookId?: boolean; badSignature?: boolean } = {}): Promise<WebhookDelivery> {
    return this.call("POST", `/webhooks/${encodeURIComponent(webhookId)}/redeliver`, options);
  }

  webhooks(): Promise<WebhookDelivery[]> {
    return this.call("GET", "/webhooks");
  }

  setThrottle(settings: { maximumAvailable: number; restoreRate: number }) {
    return this.call("PUT", "/throttle", { ...settings, shop: this.shop });
  }

  throttleStatus() {
    return this.call("GET", this.shopPath("/throttle"));
  }

  /** Requests the shop's cost bucket refused with THROTTLED so far. */
  throttleRefusals(): Promise<{ count: number }> {
    return this.call("GET", this.shopPath("/throttle-refusals"));
  }

  mutations(name?: string): Promise<MutationLogEntry[]> {
    return this.call("GET", `/mutations?shop=${encodeURIComponent(this.shop)}${name ? `&name=${encodeURIComponent(name)}` : ""}`);
  }

  /** Waits until the app has called `name` with something `predicate` accepts, and returns that call. */
  waitForMutation(name: string, predicate: (entry: MutationLogEntry) => boolean = () => true, timeoutMs = 15_000): Promise<MutationLogEntry> {
    return waitUntil(`the app to call ${name}`, async () => (await this.mutations(name)).find(predicate), timeoutMs, 50);
  }
}
