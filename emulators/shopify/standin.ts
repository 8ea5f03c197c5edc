import type { GraphQLSchema } from "graphql";
import type { TokenGrant } from "./access-tokens";
import { AccessTokens } from "./access-tokens";
import type { AdminGraphqlResponse, ExecutedMutation, GraphqlRequestBody } from "./admin-graphql";
import { executeAdminGraphql } from "./admin-graphql";
import { adminSchema } from "./admin-schema";
import type { ThrottleSettings, ThrottleStatus } from "./cost-bucket";
import { CostBucket } from "./cost-bucket";
import { cancelOrder, submitCancellationRequest, submitFulfillmentRequest } from "./fulfillment-flow";
import { toGid, toLegacyId } from "./gid";
import { IdempotencyLedger } from "./idempotency";
import { writeQuantity } from "./inventory-quantities";
import type { Outcome } from "./model";
import type { OrderInput, ProductInput, ProductUpdate, VariantInput } from "./shop-store";
import { ShopStore } from "./shop-store";
import type { SnapshotKind } from "./snapshots";
import { snapshot } from "./snapshots";
import type { DeliveryOptions, RetryPolicy, WebhookDelivery } from "./webhook-sender";
import { WebhookSender } from "./webhook-sender";

export type ResourceId = string | number;

export interface StandinConfig {
  /** Where webhooks go: `<appUrl>/webhooks`. Without it, events are recorded but not sent. */
  appUrl?: string | null;
  apiKey?: string;
  apiSecret?: string;
  scope?: string;
  throttle?: ThrottleSettings;
  accessTokenLifetimeSeconds?: number;
  webhookRetry?: RetryPolicy;
  /** Milliseconds; the throttle bucket refills by this clock, so tests can move it. */
  clock?: () => number;
}

/** Shopify's Standard plan: a 2000-point bucket refilling at 100 points a second. */
export const STANDARD_THROTTLE: ThrottleSettings = { maximumAvailable: 2000, restoreRate: 100 };

export interface MutationLogEntry extends ExecutedMutation {
  at: string;
  apiVersion: string;
}

interface ShopRuntime {
  store: ShopStore;
  bucket: CostBucket;
  idempotency: IdempotencyLedger;
}

export interface ControlVariantInput extends Omit<VariantInput, "inventory"> {
  inventory?: { locationId: ResourceId; available?: number; onHand?: number }[];
}

export interface ControlProductInput extends Omit<ProductInput, "variants"> {
  variants?: ControlVariantInput[];
}

export interface ControlOrderInput extends Omit<OrderInput, "lineItems"> {
  lineItems: { variantId?: ResourceId; sku?: string; title?: string; quantity: number; price?: string }[];
}

/** Controls for a test to act as the merchant (and as Shopify's routing), and to read what the app did. */
export class ShopifyStandin {
  readonly schema: GraphQLSchema = adminSchema();
  readonly webhooks: WebhookSender;
  readonly tokens: AccessTokens;
  readonly apiKey: string;
  readonly apiSecret: string;
  private readonly shops = new Map<string, ShopRuntime>();
  private readonly mutationLog: MutationLogEntry[] = [];
  private readonly mutationListeners = new Set<(entry: MutationLogEntry) => void>();
  private throttle: ThrottleSettings;
  private readonly clock: () => number;
  private readonly pendingDeliveries = new Set<Promise<unknown>>();

  constructor(config: StandinConfig = {}) {
    this.apiKey = config.apiKey ?? "standin-api-key";
    this.apiSecret = config.apiSecret ?? "standin-api-secret";
    this.throttle = config.throttle ?? STANDARD_THROTTLE;
    this.clock = config.clock ?? Date.now;
    this.tokens = new AccessTokens(
      config.scope ?? "write_fulfillments,read_assigned_fulfillment_orders,write_assigned_fulfillment_orders,write_third_party_fulfillment_orders,read_products,read_inventory,write_inventory,read_locations,read_orders",
      config.accessTokenLifetimeSeconds ?? 3600,
    );
    this.webhooks = new WebhookSender(config.appUrl ?? null, this.apiSecret, config.webhookRetry ?? { attempts: 5, initialDelayMs: 1000 });
  }

  // Shops and tokens

  /** Installs the app on a shop and returns the offline token grant the app would store. */
  addShop(domain: string, options: { name?: string; accessToken?: string } = {}): TokenGrant & { shop: string } {
    if (!this.shops.has(domain)) {
      const idBase = (this.shops.size + 1) * 1_000_000;
      this.shops.set(domain, {
        store: new ShopStore(domain, options.name ?? domain.replace(/\.myshopify\.com$/, ""), idBase),
        bucket: new CostBucket(this.throttle, this.clock),
        idempotency: new IdempotencyLedger(),
      });
    }
    return { shop: domain, ...this.tokens.issue(domain, options.accessToken) };
  }

  hasShop(domain: string): boolean {
    return this.shops.has(domain);
  }

  store(domain: string): ShopStore {
    return this.runtime(domain).store;
  }

  private runtime(domain: string): ShopRuntime {
    const runtime = this.shops.get(domain);
    if (!runtime) throw new UnknownShopError(domain);
    return runtime;
  }

  // The Admin API

  graphql(domain: string, apiVersion: string, request: GraphqlRequestBody): AdminGraphqlResponse {
    const runtime = this.runtime(domain);
    const response = executeAdminGraphql(this.schema, runtime.bucket, { store: runtime.store, idempotency: runtime.idempotency }, request);
    const at = new Date().toISOString();
    for (const mutation of response.mutations) {
      const entry = { ...mutation, at, apiVersion };
      this.mutationLog.push(entry);
      for (const listener of this.mutationListeners) listener(entry);
    }
    this.deliverEventsInBackground(domain);
    return response;
  }

  setThrottle(settings: ThrottleSettings, domain?: string): void {
    if (domain) return this.runtime(domain).bucket.configure(settings);
    this.throttle = settings;
    for (const runtime of this.shops.values()) runtime.bucket.configure(settings);
  }

  throttleStatus(domain: string): ThrottleStatus {
    return this.runtime(domain).bucket.status();
  }

  throttleRefusals(domain: string): { count: number } {
    return { count: this.runtime(domain).bucket.refusals };
  }

  mutations(filter: { shop?: string; name?: string } = {}): MutationLogEntry[] {
    return this.mutationLog.filter((entry) => (!filter.shop || entry.shop === filter.shop) && (!filter.name || entry.name === filter.name));
  }

  /** Resolves with the first logged mutation (already logged or still to come) that matches. */
  waitForMutation(name: string, predicate: (entry: MutationLogEntry) => boolean = () => true, timeoutMs = 10_000): Promise<MutationLogEntry> {
    const existing = this.mutationLog.find((entry) => entry.name === name && predicate(entry));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const listener = (entry: MutationLogEntry) => {
        if (entry.name !== name || !predicate(entry)) return;
        clearTimeout(timer);
        this.mutationListeners.delete(listener);
        resolve(entry);
      };
      const timer = setTimeout(() => {
        this.mutationListeners.delete(listener);
        reject(new Error(`No ${name} mutation matched within ${timeoutMs} ms; logged: ${this.mutationLog.map((entry) => entry.name).join(", ") || "none"}`));
      }, timeoutMs);
      this.mutationListeners.add(listener);
    });
  }

  // Merchant actions

  createFulfillmentService(domain: string, input: { name: string; callbackUrl?: string | null; inventoryManagement?: boolean; trackingSupport?: boolean }) {
    const service = this.store(domain).createFulfillmentService(input);
    return { id: `${toGid("FulfillmentService", service.id)}?id=true`, locationId: toGid("Location", service.locationId) };
  }

  async createProduct(domain: string, input: ControlProductInput) {
    const product = this.store(domain).createProduct(this.productInput(input));
    return { product: this.snapshot(domain, "product", { id: toGid("Product", product.id) })!, deliveries: await this.deliverEvents(domain) };
  }

  /** Many products at once, for backfills: no webhooks (a catalogue that existed before the app). */
  createProducts(domain: string, inputs: ControlProductInput[]) {
    const store = this.store(domain);
    const created = inputs.map((input) => store.createProduct(this.productInput(input)));
    store.takeEvents();
    return created.map((product) => ({
      id: toGid("Product", product.id),
      variants: product.variantIds.map((variantId) => {
        const variant = store.variants.get(variantId)!;
        return { id: toGid("ProductVariant", variant.id), sku: variant.sku, inventoryItemId: toGid("InventoryItem", variant.inventoryItemId) };
      }),
    }));
  }

  async updateProduct(domain: string, productId: ResourceId, update: Omit<ProductUpdate, "variants"> & { variants?: (ControlVariantInput & { id?: ResourceId })[] }) {
    const store = this.store(domain);
    const variants = update.variants?.map((variant) => ({ ...this.variantInput(variant), id: variant.id === undefined ? undefined : toLegacyId("ProductVariant", variant.id) }));
    const product = store.updateProduct(this.legacyId("Product", productId), { ...update, variants });
    if (!product) throw new NotFoundError("Product", productId);
    return { product: this.snapshot(domain, "product", { id: toGid("Product", product.id) })!, deliveries: await this.deliverEvents(domain) };
  }

  async deleteProduct(domain: string, productId: ResourceId) {
    if (!this.store(domain).deleteProduct(this.legacyId("Product", productId))) throw new NotFoundError("Product", productId);
    return { deliveries: await this.deliverEvents(domain) };
  }

  /** Sets stock directly, as a merchant editing quantities in the admin would. */
  setInventory(domain: string, input: { inventoryItemId: ResourceId; locationId: ResourceId; available?: number; onHand?: number }) {
    const store = this.store(domain);
    const level = store.activateInventory(this.legacyId("InventoryItem", input.inventoryItemId), this.legacyId("Location", input.locationId));
    if (input.available !== undefined) writeQuantity(level, "available", input.available, new Date());
    if (input.onHand !== undefined) writeQuantity(level, "on_hand", input.onHand, new Date());
    return this.snapshot(domain, "inventoryLevel", { id: toGid("InventoryItem", level.inventoryItemId), locationId: toGid("Location", level.locationId) })!.inventoryLevel;
  }

  inventoryLevel(domain: string, inventoryItemId: ResourceId, locationId: ResourceId) {
    return this.snapshot(domain, "inventoryLevel", { id: toGid("InventoryItem", this.legacyId("InventoryItem", inventoryItemId)), locationId: toGid("Location", this.legacyId("Location", locationId)) })?.inventoryLevel ?? null;
  }

  async createOrder(domain: string, input: ControlOrderInput) {
    const order = this.store(domain).createOrder({
      ...input,
      lineItems: input.lineItems.map((line) => ({ ...line, variantId: line.variantId === undefined ? undefined : this.legacyId("ProductVariant", line.variantId) })),
    });
    return { order: this.snapshot(domain, "order", { id: toGid("Order", order.id) })!, deliveries: await this.deliverEvents(domain) };
  }

  /** The merchant presses "Request fulfillment" (or Shopify does it under automatic fulfillment). */
  async submitFulfillmentRequest(domain: string, fulfillmentOrderId: ResourceId, options: { message?: string; notifyCustomer?: boolean } = {}) {
    const outcome = submitFulfillmentRequest(this.store(domain), this.legacyId("FulfillmentOrder", fulfillmentOrderId), options);
    return this.fulfillmentOrderOutcome(domain, outcome, (value) => value.submitted.id);
  }

  /** The merchant asks the service to cancel work it accepted. */
  async requestCancellation(domain: string, fulfillmentOrderId: ResourceId, message?: string) {
    const outcome = submitCancellationRequest(this.store(domain), this.legacyId("FulfillmentOrder", fulfillmentOrderId), message);
    return this.fulfillmentOrderOutcome(domain, outcome, (value) => value.id);
  }

  async cancelOrder(domain: string, orderId: ResourceId) {
    const outcome = cancelOrder(this.store(domain), this.legacyId("Order", orderId));
    if (!outcome.ok) throw new InvalidTransitionError(outcome.userErrors.map((error) => error.message).join("; "));
    return { order: this.snapshot(domain, "order", { id: toGid("Order", this.legacyId("Order", orderId)) })!, deliveries: await this.deliverEvents(domain) };
  }

  order(domain: string, orderId: ResourceId) {
    return this.snapshot(domain, "order", { id: toGid("Order", this.legacyId("Order", orderId)) });
  }

  product(domain: string, productId: ResourceId) {
    return this.snapshot(domain, "product", { id: toGid("Product", this.legacyId("Product", productId)) });
  }

  fulfillmentOrder(domain: string, fulfillmentOrderId: ResourceId) {
    return this.snapshot(domain, "fulfillmentOrder", { id: toGid("FulfillmentOrder", this.legacyId("FulfillmentOrder", fulfillmentOrderId)) });
  }

  state(domain: string) {
    const store = this.store(domain);
    return {
      shop: domain,
      primaryLocationId: toGid("Location", store.primaryLocationId),
      fulfillmentServices: [...store.fulfillmentServices.values()].map((service) => ({
        id: `${toGid("FulfillmentService", service.id)}?id=true`,
        serviceName: service.serviceName,
        locationId: toGid("Location", service.locationId),
      })),
      products: [...store.products.keys()].map((id) => this.snapshot(domain, "product", { id: toGid("Product", id) })),
      orders: [...store.orders.keys()].map((id) => this.snapshot(domain, "order", { id: toGid("Order", id) })),
      throttle: this.throttleStatus(domain),
    };
  }

  // Webhooks

  sendWebhook(domain: string, topic: string, payload: unknown, options?: DeliveryOptions): Promise<WebhookDelivery> {
    return this.webhooks.send(domain, topic, payload, options);
  }

  redeliverWebhook(webhookId: string, options?: { sameWebhookId?: boolean; badSignature?: boolean }): Promise<WebhookDelivery> {
    return this.webhooks.redeliver(webhookId, options);
  }

  /** Waits for webhooks sent in the background (after the app's own mutations) to get their first answer. */
  async settled(): Promise<void> {
    await Promise.all(this.pendingDeliveries);
  }

  reset(): void {
    this.shops.clear();
    this.mutationLog.length = 0;
    this.tokens.clear();
    this.webhooks.reset();
  }

  /** Stops webhook retries and pending waits, so nothing keeps the process alive. */
  dispose(): void {
    this.webhooks.close();
    this.mutationListeners.clear();
  }

  // Helpers

  private async deliverEvents(domain: string): Promise<WebhookDelivery[]> {
    const events = this.store(domain).takeEvents();
    const deliveries: WebhookDelivery[] = [];
    // In order, one after another, as a test reading them expects.
    for (const event of events) deliveries.push(await this.webhooks.send(domain, event.topic, event.payload));
    return deliveries;
  }

  private deliverEventsInBackground(domain: string): void {
    const delivery = this.deliverEvents(domain);
    this.pendingDeliveries.add(delivery);
    void delivery.finally(() => this.pendingDeliveries.delete(delivery));
  }

  private async fulfillmentOrderOutcome<T>(domain: string, outcome: Outcome<T>, idOf: (value: T) => number) {
    if (!outcome.ok) throw new InvalidTransitionError(outcome.userErrors.map((error) => error.message).join("; "));
    return { fulfillmentOrder: this.fulfillmentOrder(domain, idOf(outcome.value))!, deliveries: await this.deliverEvents(domain) };
  }

  private snapshot(domain: string, kind: SnapshotKind, variables: Record<string, unknown>) {
    return snapshot(this.schema, this.store(domain), kind, variables);
  }

  private legacyId(type: string, id: ResourceId): number {
    const legacyId = toLegacyId(type, id);
    if (legacyId === undefined) throw new NotFoundError(type, id);
    return legacyId;
  }

  private variantInput(variant: ControlVariantInput): VariantInput {
    return {
      ...variant,
      inventory: variant.inventory?.map((stock) => ({ ...stock, locationId: this.legacyId("Location", stock.locationId) })),
    };
  }

  private productInput(input: ControlProductInput): ProductInput {
    return { ...input, variants: input.variants?.map((variant) => this.variantInput(variant)) };
  }
}

export class UnknownShopError extends Error {
  constructor(readonly shop: string) {
    super(`Unknown shop ${shop}: add it first (addShop or POST /__control/shops)`);
  }
}

export class NotFoundError extends Error {
  constructor(type: string, id: ResourceId) {
    super(`${type} ${id} does not exist`);
  }
}

export class InvalidTransitionError extends Error {}
