import type { PageArgs } from "./connection";
import { connection } from "./connection";
import { fromGid, toGid } from "./gid";
import { readQuantity } from "./inventory-quantities";
import type { InventoryAdjustmentGroup } from "./inventory-writes";
import type {
  Fulfillment,
  FulfillmentOrder,
  FulfillmentOrderLineItem,
  FulfillmentService,
  InventoryItem,
  InventoryLevel,
  LineItem,
  Location,
  MailingAddress,
  MerchantRequest,
  Order,
  Product,
  Variant,
} from "./model";
import type { ShopStore } from "./shop-store";
import { orderTotal } from "./webhook-payloads";

// GraphQL objects as graphql-js's default resolver reads them: plain values for scalar fields,
// functions (called with the field's arguments) for anything with arguments or another object
// behind it, so nested data is only built when a query asks for it.

const iso = (date: Date | null) => date?.toISOString() ?? null;
const money = (amount: string, currencyCode: string) => ({ amount, currencyCode });
const moneyBag = (amount: string, currencyCode: string) => ({ shopMoney: money(amount, currencyCode), presentmentMoney: money(amount, currencyCode) });
const byId = <T>(map: Map<number, T>, id: number | null | undefined) => (id == null ? undefined : map.get(id));

export function productView(store: ShopStore, product: Product) {
  const variants = () => product.variantIds.flatMap((id) => byId(store.variants, id) ?? []);
  return {
    id: toGid("Product", product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    productType: product.productType,
    createdAt: iso(product.createdAt),
    updatedAt: iso(product.updatedAt),
    variants: (args: PageArgs) => connection(variants(), args, (variant) => variantView(store, variant)),
    variantsCount: () => ({ count: product.variantIds.length, precision: "EXACT" }),
  };
}

export function variantView(store: ShopStore, variant: Variant) {
  const product = store.products.get(variant.productId)!;
  return {
    id: toGid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    sku: variant.sku,
    barcode: variant.barcode,
    price: variant.price,
    position: variant.position,
    inventoryQuantity: store.levelsOfItem(variant.inventoryItemId).reduce((sum, level) => sum + level.quantities.available, 0),
    createdAt: iso(variant.createdAt),
    updatedAt: iso(variant.updatedAt),
    product: () => productView(store, product),
    inventoryItem: () => inventoryItemView(store, store.inventoryItems.get(variant.inventoryItemId)!),
  };
}

export function inventoryItemView(store: ShopStore, item: InventoryItem) {
  const variant = store.variants.get(item.variantId)!;
  return {
    id: toGid("InventoryItem", item.id),
    legacyResourceId: String(item.id),
    sku: variant.sku,
    tracked: item.tracked,
    requiresShipping: item.requiresShipping,
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    measurement: { id: toGid("InventoryItemMeasurement", item.id), weight: item.weight },
    variant: () => variantView(store, variant),
    inventoryLevel: ({ locationId }: { locationId: string }) => {
      const level = store.inventoryLevel(item.id, fromGid("Location", locationId) ?? -1);
      return level ? inventoryLevelView(store, level) : null;
    },
    inventoryLevels: (args: PageArgs) => connection(store.levelsOfItem(item.id), args, (level) => inventoryLevelView(store, level)),
  };
}

export function inventoryLevelView(store: ShopStore, level: InventoryLevel) {
  return {
    id: `${toGid("InventoryLevel", level.id)}?inventory_item_id=${level.inventoryItemId}`,
    createdAt: iso(level.createdAt),
    updatedAt: iso(level.updatedAt),
    item: () => inventoryItemView(store, store.inventoryItems.get(level.inventoryItemId)!),
    location: () => locationView(store, store.locations.get(level.locationId)!),
    quantities: ({ names }: { names: string[] }) =>
      names.map((name) => ({ id: `${toGid("InventoryQuantity", level.id)}?name=${name}`, name, quantity: readQuantity(level, name), updatedAt: iso(level.updatedAt) })),
  };
}

export function locationView(store: ShopStore, location: Location) {
  return {
    id: toGid("Location", location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.isActive,
    isFulfillmentService: location.fulfillmentServiceId !== null,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    fulfillmentService: () => {
      const service = byId(store.fulfillmentServices, location.fulfillmentServiceId);
      return service ? fulfillmentServiceView(store, service) : null;
    },
    inventoryLevel: ({ inventoryItemId }: { inventoryItemId: string }) => {
      const level = store.inventoryLevel(fromGid("InventoryItem", inventoryItemId) ?? -1, location.id);
      return level ? inventoryLevelView(store, level) : null;
    },
    inventoryLevels: (args: PageArgs) => connection(store.levelsAtLocation(location.id), args, (level) => inventoryLevelView(store, level)),
  };
}

export function fulfillmentServiceView(store: ShopStore, service: FulfillmentService) {
  return {
    id: `${toGid("FulfillmentService", service.id)}?id=true`,
    serviceName: service.serviceName,
    handle: service.handle,
    callbackUrl: service.callbackUrl,
    inventoryManagement: service.inventoryManagement,
    trackingSupport: service.trackingSupport,
    type: "THIRD_PARTY",
    location: () => locationView(store, store.locations.get(service.locationId)!),
  };
}

function mailingAddressView(order: Order, address: MailingAddress) {
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  return {
    id: toGid("MailingAddress", order.id),
    name: name || null,
    firstName: address.firstName ?? null,
    lastName: address.lastName ?? null,
    company: address.company ?? null,
    phone: address.phone ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    province: address.province ?? null,
    provinceCode: address.provinceCode ?? null,
    zip: address.zip ?? null,
    country: address.country ?? null,
    countryCodeV2: address.countryCode ?? null,
    countryCode: address.countryCode ?? null,
  };
}

function displayFulfillmentStatus(store: ShopStore, order: Order): string {
  const fulfillmentOrders = store.fulfillmentOrdersOf(order.id).filter((fulfillmentOrder) => fulfillmentOrder.status !== "CANCELLED");
  const remaining = fulfillmentOrders.reduce((sum, fulfillmentOrder) => sum + fulfillmentOrder.lineItems.reduce((lines, line) => lines + line.remainingQuantity, 0), 0);
  const total = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  if (fulfillmentOrders.length > 0 && remaining === 0) return "FULFILLED";
  if (remaining < total) return "PARTIALLY_FULFILLED";
  if (fulfillmentOrders.some((fulfillmentOrder) => fulfillmentOrder.status === "IN_PROGRESS")) return "IN_PROGRESS";
  if (fulfillmentOrders.some((fulfillmentOrder) => fulfillmentOrder.requestStatus === "SUBMITTED")) return "PENDING_FULFILLMENT";
  if (fulfillmentOrders.some((fulfillmentOrder) => fulfillmentOrder.requestStatus === "REJECTED")) return "REQUEST_DECLINED";
  if (fulfillmentOrders.some((fulfillmentOrder) => fulfillmentOrder.status === "ON_HOLD")) return "ON_HOLD";
  if (fulfillmentOrders.some((fulfillmentOrder) => fulfillmentOrder.status === "SCHEDULED")) return "SCHEDULED";
  return "UNFULFILLED";
}

export function orderView(store: ShopStore, order: Order) {
  const total = orderTotal(order);
  return {
    id: toGid("Order", order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    email: order.email,
    phone: order.phone,
    note: order.note,
    tags: order.tags,
    createdAt: iso(order.createdAt),
    updatedAt: iso(order.updatedAt),
    cancelledAt: iso(order.cancelledAt),
    closed: false,
    currencyCode: order.currency,
    displayFinancialStatus: order.displayFinancialStatus,
    displayFulfillmentStatus: () => displayFulfillmentStatus(store, order),
    paymentGatewayNames: order.paymentGatewayNames,
    shippingAddress: order.shippingAddress ? mailingAddressView(order, order.shippingAddress) : null,
    totalPriceSet: moneyBag(total, order.currency),
    currentTotalPriceSet: moneyBag(order.cancelledAt ? "0.00" : total, order.currency),
    totalOutstandingSet: moneyBag(order.displayFinancialStatus === "PAID" || order.cancelledAt ? "0.00" : total, order.currency),
    lineItems: (args: PageArgs) => connection(order.lineItems, args, (line) => lineItemView(store, order, line)),
    fulfillmentOrders: (args: PageArgs) => connection(store.fulfillmentOrdersOf(order.id), args, (fulfillmentOrder) => fulfillmentOrderView(store, fulfillmentOrder)),
    fulfillments: ({ first }: { first?: number | null }) =>
      [...store.fulfillments.values()]
        .filter((fulfillment) => fulfillment.orderId === order.id)
        .slice(0, first ?? undefined)
        .map((fulfillment) => fulfillmentView(store, fulfillment)),
  };
}

function remainingOf(store: ShopStore, line: LineItem): number {
  return [...store.fulfillmentOrders.values()]
    .filter((fulfillmentOrder) => fulfillmentOrder.status !== "CANCELLED")
    .flatMap((fulfillmentOrder) => fulfillmentOrder.lineItems)
    .filter((candidate) => candidate.lineItemId === line.id)
    .reduce((sum, candidate) => sum + candidate.remainingQuantity, 0);
}

export function lineItemView(store: ShopStore, order: Order, line: LineItem) {
  return {
    id: toGid("LineItem", line.id),
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    quantity: line.quantity,
    currentQuantity: order.cancelledAt ? 0 : line.quantity,
    unfulfilledQuantity: () => remainingOf(store, line),
    requiresShipping: true,
    originalUnitPriceSet: moneyBag(line.price, order.currency),
    variant: () => {
      const variant = byId(store.variants, line.variantId);
      return variant ? variantView(store, variant) : null;
    },
    product: () => {
      const product = byId(store.products, line.productId);
      return product ? productView(store, product) : null;
    },
  };
}

export function fulfillmentOrderView(store: ShopStore, fulfillmentOrder: FulfillmentOrder) {
  const order = store.orders.get(fulfillmentOrder.orderId)!;
  const location = store.locations.get(fulfillmentOrder.locationId)!;
  const address = order.shippingAddress;
  return {
    id: toGid("FulfillmentOrder", fulfillmentOrder.id),
    status: fulfillmentOrder.status,
    requestStatus: fulfillmentOrder.requestStatus,
    createdAt: iso(fulfillmentOrder.createdAt),
    updatedAt: iso(fulfillmentOrder.updatedAt),
    fulfillAt: iso(fulfillmentOrder.fulfillAt),
    fulfillBy: null,
    orderId: toGid("Order", order.id),
    orderName: order.name,
    order: () => orderView(store, order),
    assignedLocation: { name: location.name, countryCode: "VN", location: () => locationView(store, location) },
    destination: address
      ? {
          id: toGid("FulfillmentOrderDestination", fulfillmentOrder.id),
          firstName: address.firstName ?? null,
          lastName: address.lastName ?? null,
          company: address.company ?? null,
          email: order.email,
          phone: address.phone ?? null,
          address1: address.address1 ?? null,
          address2: address.address2 ?? null,
          city: address.city ?? null,
          province: address.province ?? null,
          zip: address.zip ?? null,
          countryCode: address.countryCode ?? null,
        }
      : null,
    fulfillmentHolds: fulfillmentOrder.fulfillmentHolds.map((hold) => ({ id: toGid("FulfillmentHold", hold.id), reason: hold.reason, reasonNotes: hold.reasonNotes })),
    lineItems: (args: PageArgs) => connection(fulfillmentOrder.lineItems, args, (line) => fulfillmentOrderLineItemView(store, order, line)),
    merchantRequests: (args: PageArgs & { kind?: MerchantRequest["kind"] | null }) =>
      connection(
        fulfillmentOrder.merchantRequests.filter((request) => !args.kind || request.kind === args.kind),
        args,
        (request) => merchantRequestView(store, fulfillmentOrder, request),
      ),
    fulfillments: (args: PageArgs) =>
      connection(
        [...store.fulfillments.values()].filter((fulfillment) => fulfillment.lineItems.some((line) => line.fulfillmentOrderId === fulfillmentOrder.id)),
        args,
        (fulfillment) => fulfillmentView(store, fulfillment),
      ),
  };
}

function fulfillmentOrderLineItemView(store: ShopStore, order: Order, line: FulfillmentOrderLineItem) {
  const lineItem = order.lineItems.find((candidate) => candidate.id === line.lineItemId)!;
  const variant = byId(store.variants, lineItem.variantId);
  const item = variant && store.inventoryItems.get(variant.inventoryItemId);
  return {
    id: toGid("FulfillmentOrderLineItem", line.id),
    totalQuantity: line.totalQuantity,
    remainingQuantity: line.remainingQuantity,
    sku: lineItem.sku,
    productTitle: lineItem.title,
    variantTitle: lineItem.variantTitle,
    inventoryItemId: item ? toGid("InventoryItem", item.id) : null,
    requiresShipping: true,
    weight: item?.weight ?? null,
    lineItem: () => lineItemView(store, order, lineItem),
    variant: () => (variant ? variantView(store, variant) : null),
  };
}

function merchantRequestView(store: ShopStore, fulfillmentOrder: FulfillmentOrder, request: MerchantRequest) {
  return {
    id: toGid("FulfillmentOrderMerchantRequest", request.id),
    kind: request.kind,
    message: request.message,
    requestOptions: request.requestOptions,
    responseData: request.responseData,
    sentAt: iso(request.sentAt),
    fulfillmentOrder: () => fulfillmentOrderView(store, fulfillmentOrder),
  };
}

export function fulfillmentView(store: ShopStore, fulfillment: Fulfillment) {
  const order = store.orders.get(fulfillment.orderId)!;
  return {
    id: toGid("Fulfillment", fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    createdAt: iso(fulfillment.createdAt),
    updatedAt: iso(fulfillment.createdAt),
    order: () => orderView(store, order),
    location: () => locationView(store, store.locations.get(fulfillment.locationId)!),
    trackingInfo: ({ first }: { first?: number | null }) => fulfillment.trackingInfo.slice(0, first ?? undefined),
    fulfillmentLineItems: (args: PageArgs) =>
      connection(fulfillment.lineItems, args, (line) => ({
        id: toGid("FulfillmentLineItem", line.id),
        quantity: line.quantity,
        lineItem: () => lineItemView(store, order, order.lineItems.find((candidate) => candidate.id === line.lineItemId)!),
      })),
  };
}

export function adjustmentGroupView(store: ShopStore, group: InventoryAdjustmentGroup) {
  return {
    id: toGid("InventoryAdjustmentGroup", group.id),
    createdAt: iso(group.createdAt),
    reason: group.reason,
    referenceDocumentUri: group.referenceDocumentUri,
    changes: (filter: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null }) =>
      group.changes
        .filter((change) => !filter.quantityNames || filter.quantityNames.includes(change.name))
        .filter((change) => !filter.inventoryItemIds || filter.inventoryItemIds.includes(toGid("InventoryItem", change.inventoryItemId)))
        .filter((change) => !filter.locationIds || filter.locationIds.includes(toGid("Location", change.locationId)))
        .map((change) => ({
          name: change.name,
          delta: change.delta,
          quantityAfterChange: change.quantityAfterChange,
          ledgerDocumentUri: null,
          item: () => inventoryItemView(store, store.inventoryItems.get(change.inventoryItemId)!),
          location: () => locationView(store, store.locations.get(change.locationId)!),
        })),
  };
}
