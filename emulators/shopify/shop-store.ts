import { commit } from "./inventory-quantities";
import type {
  FinancialStatus,
  Fulfillment,
  FulfillmentOrder,
  FulfillmentService,
  InventoryItem,
  InventoryLevel,
  LineItem,
  Location,
  MailingAddress,
  Order,
  Product,
  ProductStatus,
  ShopEvent,
  StoredQuantityName,
  Variant,
  WeightUnit,
} from "./model";
import { STORED_QUANTITY_NAMES } from "./model";
import { orderWebhookPayload, productDeletedWebhookPayload, productWebhookPayload } from "./webhook-payloads";

export interface VariantInput {
  title?: string;
  sku?: string | null;
  barcode?: string | null;
  price?: string;
  weight?: { unit: WeightUnit; value: number } | null;
  tracked?: boolean;
  /** Where the variant is stocked and how many are available there; the shop's primary location with 0 when left out. */
  inventory?: { locationId: number; available?: number; onHand?: number }[];
}

export interface ProductInput {
  title: string;
  handle?: string;
  status?: ProductStatus;
  vendor?: string;
  productType?: string;
  variants?: VariantInput[];
}

export interface ProductUpdate {
  title?: string;
  status?: ProductStatus;
  vendor?: string;
  productType?: string;
  /** Replaces the variants: an entry with `id` edits that variant, one without adds a variant, and variants left out are deleted. */
  variants?: (VariantInput & { id?: number })[];
}

export interface OrderLineInput {
  variantId?: number;
  sku?: string;
  title?: string;
  quantity: number;
  price?: string;
}

export interface OrderInput {
  lineItems: OrderLineInput[];
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  tags?: string[];
  currency?: string;
  displayFinancialStatus?: FinancialStatus;
  paymentGatewayNames?: string[];
  shippingAddress?: MailingAddress | null;
  /** A future date makes the fulfillment orders SCHEDULED, as for a pre-order. */
  fulfillAt?: string | null;
  /** Puts every fulfillment order of the order ON_HOLD, as a fraud review or a merchant hold does. */
  hold?: { reason: string; reasonNotes?: string | null } | null;
}

const PRIMARY_LOCATION_NAME = "Shop location";

/** One shop's catalogue, locations, stock, orders and fulfillment orders. */
export class ShopStore {
  readonly products = new Map<number, Product>();
  readonly variants = new Map<number, Variant>();
  readonly inventoryItems = new Map<number, InventoryItem>();
  readonly locations = new Map<number, Location>();
  readonly fulfillmentServices = new Map<number, FulfillmentService>();
  readonly inventoryLevels = new Map<string, InventoryLevel>();
  readonly orders = new Map<number, Order>();
  readonly fulfillmentOrders = new Map<number, FulfillmentOrder>();
  readonly fulfillments = new Map<number, Fulfillment>();
  readonly id: number;
  readonly primaryLocationId: number;
  private nextId: number;
  private nextOrderNumber = 1;
  private events: ShopEvent[] = [];

  constructor(
    readonly domain: string,
    readonly name: string,
    /** Different shops get different id ranges so an id from one shop is unknown in another. */
    idBase: number,
  ) {
    this.nextId = idBase;
    this.id = this.newId();
    this.primaryLocationId = this.newId();
    this.locations.set(this.primaryLocationId, { id: this.primaryLocationId, name: PRIMARY_LOCATION_NAME, isActive: true, fulfillmentServiceId: null });
  }

  newId(): number {
    return this.nextId++;
  }

  emit(topic: string, payload: unknown): void {
    this.events.push({ topic, payload });
  }

  /** The webhooks owed for everything that happened since the last call. */
  takeEvents(): ShopEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  // Catalogue

  createProduct(input: ProductInput): Product {
    const now = new Date();
    const product: Product = {
      id: this.newId(),
      title: input.title,
      handle: this.uniqueHandle(input.handle ?? input.title),
      status: input.status ?? "ACTIVE",
      vendor: input.vendor ?? this.name,
      productType: input.productType ?? "",
      variantIds: [],
      createdAt: now,
      updatedAt: now,
    };
    this.products.set(product.id, product);
    for (const variant of input.variants?.length ? input.variants : [{}]) this.addVariant(product, variant, now);
    this.emit("products/create", productWebhookPayload(this, product));
    return product;
  }

  updateProduct(productId: number, update: ProductUpdate): Product | undefined {
    const product = this.products.get(productId);
    if (!product) return undefined;
    const now = new Date();
    Object.assign(product, {
      title: update.title ?? product.title,
      status: update.status ?? product.status,
      vendor: update.vendor ?? product.vendor,
      productType: update.productType ?? product.productType,
      updatedAt: now,
    });
    if (update.variants) {
      const kept = new Set(update.variants.flatMap((variant) => (variant.id === undefined ? [] : [variant.id])));
      for (const variantId of product.variantIds.filter((id) => !kept.has(id))) this.removeVariant(variantId);
      product.variantIds = product.variantIds.filter((id) => kept.has(id));
      for (const variantUpdate of update.variants) {
        const existing = variantUpdate.id === undefined ? undefined : this.variants.get(variantUpdate.id);
        if (existing) this.editVariant(existing, variantUpdate, now);
        else this.addVariant(product, variantUpdate, now);
      }
    }
    this.emit("products/update", productWebhookPayload(this, product));
    return product;
  }

  deleteProduct(productId: number): boolean {
    const product = this.products.get(productId);
    if (!product) return false;
    for (const variantId of product.variantIds) this.removeVariant(variantId);
    this.products.delete(productId);
    this.emit("products/delete", productDeletedWebhookPayload(product));
    return true;
  }

  variantBySku(sku: string): Variant | undefined {
    for (const variant of this.variants.values()) if (variant.sku === sku) return variant;
    return undefined;
  }

  private addVariant(product: Product, input: VariantInput, now: Date): Variant {
    const variant: Variant = {
      id: this.newId(),
      productId: product.id,
      title: input.title ?? "Default Title",
      sku: input.sku ?? null,
      barcode: input.barcode ?? null,
      price: input.price ?? "0.00",
      position: product.variantIds.length + 1,
      inventoryItemId: this.newId(),
      createdAt: now,
      updatedAt: now,
    };
    this.variants.set(variant.id, variant);
    product.variantIds.push(variant.id);
    this.inventoryItems.set(variant.inventoryItemId, {
      id: variant.inventoryItemId,
      variantId: variant.id,
      tracked: input.tracked ?? true,
      requiresShipping: true,
      weight: input.weight ?? { unit: "KILOGRAMS", value: 0 },
      createdAt: now,
      updatedAt: now,
    });
    for (const stock of input.inventory ?? [{ locationId: this.primaryLocationId, available: 0 }]) {
      const level = this.activateInventory(variant.inventoryItemId, stock.locationId, now);
      level.quantities.available = stock.available ?? stock.onHand ?? 0;
    }
    return variant;
  }

  private editVariant(variant: Variant, input: VariantInput, now: Date): void {
    Object.assign(variant, {
      title: input.title ?? variant.title,
      sku: input.sku === undefined ? variant.sku : input.sku,
      barcode: input.barcode === undefined ? variant.barcode : input.barcode,
      price: input.price ?? variant.price,
      updatedAt: now,
    });
    const item = this.inventoryItems.get(variant.inventoryItemId);
    if (item && input.weight !== undefined) item.weight = input.weight;
  }

  private removeVariant(variantId: number): void {
    const variant = this.variants.get(variantId);
    if (!variant) return;
    this.variants.delete(variantId);
    this.inventoryItems.delete(variant.inventoryItemId);
    for (const [key, level] of this.inventoryLevels) if (level.inventoryItemId === variant.inventoryItemId) this.inventoryLevels.delete(key);
  }

  private uniqueHandle(source: string): string {
    const base = source.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "product";
    const taken = new Set([...this.products.values()].map((product) => product.handle));
    let handle = base;
    for (let suffix = 1; taken.has(handle); suffix++) handle = `${base}-${suffix}`;
    return handle;
  }

  // Locations and stock

  createFulfillmentService(input: { name: string; callbackUrl?: string | null; inventoryManagement?: boolean; trackingSupport?: boolean }): FulfillmentService {
    const serviceId = this.newId();
    const location: Location = { id: this.newId(), name: input.name, isActive: true, fulfillmentServiceId: serviceId };
    this.locations.set(location.id, location);
    const service: FulfillmentService = {
      id: serviceId,
      serviceName: input.name,
      handle: input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
      callbackUrl: input.callbackUrl ?? null,
      inventoryManagement: input.inventoryManagement ?? false,
      trackingSupport: input.trackingSupport ?? false,
      locationId: location.id,
    };
    this.fulfillmentServices.set(service.id, service);
    return service;
  }

  inventoryLevel(inventoryItemId: number, locationId: number): InventoryLevel | undefined {
    return this.inventoryLevels.get(`${inventoryItemId}@${locationId}`);
  }

  /** Stocks an item at a location; activating an item that is already stocked there changes nothing. */
  activateInventory(inventoryItemId: number, locationId: number, now = new Date()): InventoryLevel {
    const existing = this.inventoryLevel(inventoryItemId, locationId);
    if (existing) return existing;
    const quantities = Object.fromEntries(STORED_QUANTITY_NAMES.map((name) => [name, 0])) as Record<StoredQuantityName, number>;
    const level: InventoryLevel = { id: this.newId(), inventoryItemId, locationId, quantities, createdAt: now, updatedAt: now };
    this.inventoryLevels.set(`${inventoryItemId}@${locationId}`, level);
    return level;
  }

  levelsOfItem(inventoryItemId: number): InventoryLevel[] {
    return [...this.inventoryLevels.values()].filter((level) => level.inventoryItemId === inventoryItemId);
  }

  levelsAtLocation(locationId: number): InventoryLevel[] {
    return [...this.inventoryLevels.values()].filter((level) => level.locationId === locationId);
  }

  isFulfillmentServiceLocation(locationId: number): boolean {
    return this.locations.get(locationId)?.fulfillmentServiceId != null;
  }

  // Orders

  /**
   * Routes each line to a location that stocks its variant (a fulfillment service location wins,
   * which is how a merchant who stocks items only at the 3PL sees it), commits the stock there, and
   * opens one fulfillment order per location.
   */
  createOrder(input: OrderInput): Order {
    const now = new Date();
    const number = this.nextOrderNumber++;
    const lineItems: LineItem[] = input.lineItems.map((line) => this.lineItemFor(line));
    const order: Order = {
      id: this.newId(),
      number,
      name: `#${1000 + number}`,
      email: input.email ?? null,
      phone: input.phone ?? null,
      note: input.note ?? null,
      tags: input.tags ?? [],
      currency: input.currency ?? "VND",
      displayFinancialStatus: input.displayFinancialStatus ?? "PAID",
      paymentGatewayNames: input.paymentGatewayNames ?? ["manual"],
      shippingAddress: input.shippingAddress ?? null,
      lineItems,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
    };
    this.orders.set(order.id, order);

    const linesByLocation = new Map<number, LineItem[]>();
    for (const line of lineItems) {
      const locationId = this.routeLine(line);
      linesByLocation.set(locationId, [...(linesByLocation.get(locationId) ?? []), line]);
      const variant = line.variantId === null ? undefined : this.variants.get(line.variantId);
      const level = variant && this.inventoryLevel(variant.inventoryItemId, locationId);
      if (level) commit(level, line.quantity, now);
    }
    const fulfillAt = input.fulfillAt ? new Date(input.fulfillAt) : null;
    for (const [locationId, lines] of linesByLocation) {
      const fulfillmentOrder: FulfillmentOrder = {
        id: this.newId(),
        orderId: order.id,
        locationId,
        status: input.hold ? "ON_HOLD" : fulfillAt && fulfillAt > now ? "SCHEDULED" : "OPEN",
        requestStatus: "UNSUBMITTED",
        lineItems: lines.map((line) => ({ id: this.newId(), lineItemId: line.id, totalQuantity: line.quantity, remainingQuantity: line.quantity })),
        merchantRequests: [],
        fulfillmentHolds: input.hold ? [{ id: this.newId(), reason: input.hold.reason, reasonNotes: input.hold.reasonNotes ?? null }] : [],
        fulfillAt: fulfillAt ?? now,
        createdAt: now,
        updatedAt: now,
      };
      this.fulfillmentOrders.set(fulfillmentOrder.id, fulfillmentOrder);
    }
    this.emit("orders/create", orderWebhookPayload(this, order));
    return order;
  }

  fulfillmentOrdersOf(orderId: number): FulfillmentOrder[] {
    return [...this.fulfillmentOrders.values()].filter((fulfillmentOrder) => fulfillmentOrder.orderId === orderId);
  }

  private lineItemFor(line: OrderLineInput): LineItem {
    const variant = line.variantId !== undefined ? this.variants.get(line.variantId) : line.sku ? this.variantBySku(line.sku) : undefined;
    const product = variant ? this.products.get(variant.productId) : undefined;
    return {
      id: this.newId(),
      variantId: variant?.id ?? null,
      productId: product?.id ?? null,
      title: product?.title ?? line.title ?? line.sku ?? "Custom item",
      variantTitle: variant && variant.title !== "Default Title" ? variant.title : null,
      sku: variant?.sku ?? line.sku ?? null,
      quantity: line.quantity,
      price: line.price ?? variant?.price ?? "0.00",
    };
  }

  private routeLine(line: LineItem): number {
    const variant = line.variantId === null ? undefined : this.variants.get(line.variantId);
    if (!variant) return this.primaryLocationId;
    const stockedAt = this.levelsOfItem(variant.inventoryItemId).map((level) => level.locationId);
    return stockedAt.find((locationId) => this.isFulfillmentServiceLocation(locationId)) ?? stockedAt[0] ?? this.primaryLocationId;
  }
}
