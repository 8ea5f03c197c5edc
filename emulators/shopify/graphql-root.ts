import type { GraphqlObject } from "./graphql-object";
import type { GraphQLResolveInfo } from "graphql";
import { GraphQLError } from "graphql";
import type { PageArgs } from "./connection";
import { connection } from "./connection";
import {
  acceptCancellationRequest,
  acceptFulfillmentRequest,
  createFulfillment,
  rejectCancellationRequest,
  rejectFulfillmentRequest,
  submitCancellationRequest,
  submitFulfillmentRequest,
} from "./fulfillment-flow";
import { fromGid, toGid } from "./gid";
import {
  adjustmentGroupView,
  fulfillmentOrderView,
  fulfillmentServiceView,
  fulfillmentView,
  inventoryItemView,
  inventoryLevelView,
  locationView,
  orderView,
  productView,
  variantView,
} from "./graphql-views";
import type { IdempotencyLedger } from "./idempotency";
import { idempotencyKeyOf, missingIdempotencyKey, MUTATIONS_REQUIRING_IDEMPOTENCY } from "./idempotency";
import { activateInventory, setQuantities } from "./inventory-writes";
import type { FulfillmentOrder, Outcome, Product, Variant } from "./model";
import { matchesSearch } from "./search-query";
import type { ShopStore } from "./shop-store";

/** One mutation field as the app called it, for assertions in tests. */
export interface MutationCall {
  shop: string;
  name: string;
  responseKey: string;
  arguments: Record<string, unknown>;
  idempotencyKey: string | null;
  replayed: boolean;
}

export interface RequestContext {
  store: ShopStore;
  idempotency: IdempotencyLedger;
  calls: MutationCall[];
}

type Args = GraphqlObject;

function payload<T>(outcome: Outcome<T>, field: string, view: (value: T) => unknown) {
  return outcome.ok ? { [field]: view(outcome.value), userErrors: [] } : { [field]: null, userErrors: outcome.userErrors };
}

function findBy<T>(map: Map<number, T>, type: string, id: string | null | undefined): T | undefined {
  const legacyId = fromGid(type, id);
  return legacyId === undefined ? undefined : map.get(legacyId);
}

function mutation(name: string, resolve: (args: Args, store: ShopStore) => unknown) {
  return (args: Args, context: RequestContext, info: GraphQLResolveInfo) => {
    const key = idempotencyKeyOf(info);
    if (key === undefined && MUTATIONS_REQUIRING_IDEMPOTENCY.has(name)) throw missingIdempotencyKey(name);
    const call: MutationCall = { shop: context.store.domain, name, responseKey: String(info.path.key), arguments: { ...args }, idempotencyKey: key ?? null, replayed: false };
    context.calls.push(call);
    if (key === undefined) return resolve(args, context.store);
    const fingerprint = JSON.stringify([name, args]);
    const previous = context.idempotency.replay(key, fingerprint);
    if (previous === "mismatch") {
      return { userErrors: [{ field: null, message: "The same idempotency key cannot be used with different operation parameters.", code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" }] };
    }
    if (previous) {
      call.replayed = true;
      return previous.result;
    }
    const result = resolve(args, context.store);
    context.idempotency.remember(key, fingerprint, result);
    return result;
  };
}

const ASSIGNMENT_STATUSES: Record<string, (fulfillmentOrder: FulfillmentOrder) => boolean> = {
  FULFILLMENT_UNSUBMITTED: (fo) => fo.requestStatus === "UNSUBMITTED",
  FULFILLMENT_REQUESTED: (fo) => fo.requestStatus === "SUBMITTED",
  FULFILLMENT_ACCEPTED: (fo) => fo.status === "IN_PROGRESS" && (fo.requestStatus === "ACCEPTED" || fo.requestStatus === "CANCELLATION_REJECTED"),
  CANCELLATION_REQUESTED: (fo) => fo.requestStatus === "CANCELLATION_REQUESTED",
};

const lineQuantities = (lines: { id: string; quantity: number }[] | null | undefined) =>
  lines?.map((line) => ({ id: fromGid("FulfillmentOrderLineItem", line.id) ?? -1, quantity: line.quantity })) ?? null;

function productSearchFields(store: ShopStore, product: Product) {
  const variants = product.variantIds.flatMap((id) => store.variants.get(id) ?? []);
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    vendor: product.vendor,
    product_type: product.productType,
    sku: variants.map((variant) => variant.sku ?? ""),
    barcode: variants.map((variant) => variant.barcode ?? ""),
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
  };
}

function variantSearchFields(store: ShopStore, variant: Variant) {
  return {
    id: variant.id,
    title: variant.title,
    sku: variant.sku ?? "",
    barcode: variant.barcode ?? "",
    product_id: variant.productId,
    updated_at: variant.updatedAt.toISOString(),
    product_status: store.products.get(variant.productId)?.status ?? "",
  };
}

/** The root value for graphql-js: query fields and mutation fields of the Admin API subset. */
export const rootValue = {
  shop: (_: Args, { store }: RequestContext) => ({
    id: toGid("Shop", store.id),
    name: store.name,
    email: `owner@${store.domain}`,
    myshopifyDomain: store.domain,
    currencyCode: "VND",
    fulfillmentServices: () => [...store.fulfillmentServices.values()].map((service) => fulfillmentServiceView(store, service)),
  }),
  products: (args: PageArgs & { query?: string | null }, { store }: RequestContext) =>
    connection(
      [...store.products.values()].filter((product) => matchesSearch(args.query, productSearchFields(store, product))),
      args,
      (product) => productView(store, product),
    ),
  product: ({ id }: Args, { store }: RequestContext) => {
    const product = findBy(store.products, "Product", id);
    return product ? productView(store, product) : null;
  },
  productVariant: ({ id }: Args, { store }: RequestContext) => {
    const variant = findBy(store.variants, "ProductVariant", id);
    return variant ? variantView(store, variant) : null;
  },
  productVariants: (args: PageArgs & { query?: string | null }, { store }: RequestContext) =>
    connection(
      [...store.variants.values()].filter((variant) => matchesSearch(args.query, variantSearchFields(store, variant))),
      args,
      (variant) => variantView(store, variant),
    ),
  inventoryItem: ({ id }: Args, { store }: RequestContext) => {
    const item = findBy(store.inventoryItems, "InventoryItem", id);
    return item ? inventoryItemView(store, item) : null;
  },
  location: ({ id }: Args, { store }: RequestContext) => {
    const location = id == null ? store.locations.get(store.primaryLocationId) : findBy(store.locations, "Location", id);
    return location ? locationView(store, location) : null;
  },
  locations: (args: PageArgs & { includeInactive?: boolean | null }, { store }: RequestContext) =>
    connection(
      [...store.locations.values()].filter((location) => location.isActive || args.includeInactive),
      args,
      (location) => locationView(store, location),
    ),
  order: ({ id }: Args, { store }: RequestContext) => {
    const order = findBy(store.orders, "Order", id);
    return order ? orderView(store, order) : null;
  },
  fulfillmentOrder: ({ id }: Args, { store }: RequestContext) => {
    const fulfillmentOrder = findBy(store.fulfillmentOrders, "FulfillmentOrder", id);
    return fulfillmentOrder ? fulfillmentOrderView(store, fulfillmentOrder) : null;
  },
  assignedFulfillmentOrders: (args: PageArgs & { assignmentStatus?: string | null; locationIds?: string[] | null }, { store }: RequestContext) => {
    const locationIds = args.locationIds?.map((id) => fromGid("Location", id));
    const assigned = [...store.fulfillmentOrders.values()].filter(
      (fulfillmentOrder) =>
        store.isFulfillmentServiceLocation(fulfillmentOrder.locationId) &&
        (!locationIds || locationIds.includes(fulfillmentOrder.locationId)) &&
        (args.assignmentStatus ? ASSIGNMENT_STATUSES[args.assignmentStatus](fulfillmentOrder) : fulfillmentOrder.status !== "CLOSED"),
    );
    return connection(assigned, args, (fulfillmentOrder) => fulfillmentOrderView(store, fulfillmentOrder));
  },
  fulfillmentService: ({ id }: Args, { store }: RequestContext) => {
    const service = findBy(store.fulfillmentServices, "FulfillmentService", id);
    return service ? fulfillmentServiceView(store, service) : null;
  },

  fulfillmentServiceCreate: mutation("fulfillmentServiceCreate", (args, store) => {
    if (!args.name?.trim()) return { fulfillmentService: null, userErrors: [{ field: ["name"], message: "Name can't be blank" }] };
    if ([...store.fulfillmentServices.values()].some((service) => service.serviceName === args.name)) {
      return { fulfillmentService: null, userErrors: [{ field: ["name"], message: "Name has already been taken" }] };
    }
    const service = store.createFulfillmentService(args as { name: string });
    return { fulfillmentService: fulfillmentServiceView(store, service), userErrors: [] };
  }),
  inventoryActivate: mutation("inventoryActivate", (args, store) =>
    payload(
      activateInventory(store, {
        inventoryItemId: fromGid("InventoryItem", args.inventoryItemId),
        locationId: fromGid("Location", args.locationId),
        available: args.available,
        onHand: args.onHand,
      }),
      "inventoryLevel",
      (level) => inventoryLevelView(store, level),
    ),
  ),
  inventorySetQuantities: mutation("inventorySetQuantities", ({ input }, store) =>
    payload(
      setQuantities(store, {
        name: input.name,
        reason: input.reason,
        referenceDocumentUri: input.referenceDocumentUri,
        quantities: (input.quantities as Args[]).map((quantity, index) => {
          if (!("changeFromQuantity" in quantity)) throw changeFromQuantityRequired(index);
          return {
            inventoryItemId: fromGid("InventoryItem", quantity.inventoryItemId),
            locationId: fromGid("Location", quantity.locationId),
            quantity: quantity.quantity,
            changeFromQuantity: quantity.changeFromQuantity,
          };
        }),
      }),
      "inventoryAdjustmentGroup",
      (group) => adjustmentGroupView(store, group),
    ),
  ),
  fulfillmentOrderSubmitFulfillmentRequest: mutation("fulfillmentOrderSubmitFulfillmentRequest", (args, store) => {
    const outcome = submitFulfillmentRequest(store, fromGid("FulfillmentOrder", args.id), {
      message: args.message,
      notifyCustomer: args.notifyCustomer,
      lineItems: lineQuantities(args.fulfillmentOrderLineItems),
    });
    if (!outcome.ok) return { originalFulfillmentOrder: null, submittedFulfillmentOrder: null, unsubmittedFulfillmentOrder: null, userErrors: outcome.userErrors };
    const { original, submitted, unsubmitted } = outcome.value;
    return {
      originalFulfillmentOrder: fulfillmentOrderView(store, original),
      submittedFulfillmentOrder: fulfillmentOrderView(store, submitted),
      unsubmittedFulfillmentOrder: unsubmitted ? fulfillmentOrderView(store, unsubmitted) : null,
      userErrors: [],
    };
  }),
  fulfillmentOrderAcceptFulfillmentRequest: mutation("fulfillmentOrderAcceptFulfillmentRequest", (args, store) =>
    payload(acceptFulfillmentRequest(store, fromGid("FulfillmentOrder", args.id), args.message), "fulfillmentOrder", (fo) => fulfillmentOrderView(store, fo)),
  ),
  fulfillmentOrderRejectFulfillmentRequest: mutation("fulfillmentOrderRejectFulfillmentRequest", (args, store) =>
    payload(
      rejectFulfillmentRequest(store, fromGid("FulfillmentOrder", args.id), { message: args.message, reason: args.reason }),
      "fulfillmentOrder",
      (fo) => fulfillmentOrderView(store, fo),
    ),
  ),
  fulfillmentOrderSubmitCancellationRequest: mutation("fulfillmentOrderSubmitCancellationRequest", (args, store) =>
    payload(submitCancellationRequest(store, fromGid("FulfillmentOrder", args.id), args.message), "fulfillmentOrder", (fo) => fulfillmentOrderView(store, fo)),
  ),
  fulfillmentOrderAcceptCancellationRequest: mutation("fulfillmentOrderAcceptCancellationRequest", (args, store) =>
    payload(acceptCancellationRequest(store, fromGid("FulfillmentOrder", args.id), args.message), "fulfillmentOrder", (fo) => fulfillmentOrderView(store, fo)),
  ),
  fulfillmentOrderRejectCancellationRequest: mutation("fulfillmentOrderRejectCancellationRequest", (args, store) =>
    payload(rejectCancellationRequest(store, fromGid("FulfillmentOrder", args.id), args.message), "fulfillmentOrder", (fo) => fulfillmentOrderView(store, fo)),
  ),
  fulfillmentCreate: mutation("fulfillmentCreate", ({ fulfillment }, store) =>
    payload(
      createFulfillment(store, {
        notifyCustomer: fulfillment.notifyCustomer,
        trackingInfo: fulfillment.trackingInfo,
        lineItemsByFulfillmentOrder: (fulfillment.lineItemsByFulfillmentOrder as Args[]).map((group) => ({
          fulfillmentOrderId: fromGid("FulfillmentOrder", group.fulfillmentOrderId),
          fulfillmentOrderLineItems: group.fulfillmentOrderLineItems?.map((line: Args) => ({ id: fromGid("FulfillmentOrderLineItem", line.id), quantity: line.quantity })),
        })),
      }),
      "fulfillment",
      (created) => fulfillmentView(store, created),
    ),
  ),
};

function changeFromQuantityRequired(index: number) {
  return new GraphQLError(`input.quantities[${index}].changeFromQuantity is required from API version 2026-04: pass the quantity you expect, or null to skip the check.`, {
    extensions: { code: "BAD_REQUEST" },
  });
}
