// The stand-in's state for one shop, in Shopify's own vocabulary. Ids are numbers here and become
// `gid://shopify/<Type>/<n>` at the GraphQL edge, as Shopify's legacy resource ids do.

export type ProductStatus = "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
export type WeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";

export interface Product {
  id: number;
  title: string;
  handle: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  variantIds: number[];
  createdAt: Date;
  updatedAt: Date;
}

export interface Variant {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  position: number;
  inventoryItemId: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface InventoryItem {
  id: number;
  variantId: number;
  tracked: boolean;
  requiresShipping: boolean;
  weight: { unit: WeightUnit; value: number } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Location {
  id: number;
  name: string;
  isActive: boolean;
  fulfillmentServiceId: number | null;
}

export interface FulfillmentService {
  id: number;
  serviceName: string;
  handle: string;
  callbackUrl: string | null;
  inventoryManagement: boolean;
  trackingSupport: boolean;
  locationId: number;
}

/** The states that are stored; on_hand is derived from them, as Shopify documents. */
export const STORED_QUANTITY_NAMES = ["available", "committed", "reserved", "damaged", "safety_stock", "quality_control", "incoming"] as const;
export type StoredQuantityName = (typeof STORED_QUANTITY_NAMES)[number];
export type QuantityName = StoredQuantityName | "on_hand";

export interface InventoryLevel {
  id: number;
  inventoryItemId: number;
  locationId: number;
  quantities: Record<StoredQuantityName, number>;
  createdAt: Date;
  updatedAt: Date;
}

export interface MailingAddress {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  phone?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  country?: string | null;
  countryCode?: string | null;
}

export type FinancialStatus = "AUTHORIZED" | "EXPIRED" | "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "VOIDED";

export interface LineItem {
  id: number;
  variantId: number | null;
  productId: number | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  price: string;
}

export interface Order {
  id: number;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  note: string | null;
  tags: string[];
  currency: string;
  displayFinancialStatus: FinancialStatus;
  paymentGatewayNames: string[];
  shippingAddress: MailingAddress | null;
  lineItems: LineItem[];
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
}

export type FulfillmentOrderStatus = "CANCELLED" | "CLOSED" | "INCOMPLETE" | "IN_PROGRESS" | "ON_HOLD" | "OPEN" | "SCHEDULED";
export type FulfillmentOrderRequestStatus =
  | "ACCEPTED"
  | "CANCELLATION_ACCEPTED"
  | "CANCELLATION_REJECTED"
  | "CANCELLATION_REQUESTED"
  | "CLOSED"
  | "REJECTED"
  | "SUBMITTED"
  | "UNSUBMITTED";

export interface FulfillmentOrderLineItem {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface MerchantRequest {
  id: number;
  kind: "FULFILLMENT_REQUEST" | "CANCELLATION_REQUEST";
  message: string | null;
  requestOptions: Record<string, unknown>;
  responseData: Record<string, unknown> | null;
  sentAt: Date;
}

export interface FulfillmentHold {
  id: number;
  reason: string;
  reasonNotes: string | null;
}

export interface FulfillmentOrder {
  id: number;
  orderId: number;
  locationId: number;
  status: FulfillmentOrderStatus;
  requestStatus: FulfillmentOrderRequestStatus;
  lineItems: FulfillmentOrderLineItem[];
  merchantRequests: MerchantRequest[];
  fulfillmentHolds: FulfillmentHold[];
  fulfillAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface Fulfillment {
  id: number;
  orderId: number;
  locationId: number;
  name: string;
  status: "SUCCESS" | "CANCELLED";
  notifyCustomer: boolean;
  trackingInfo: TrackingInfo[];
  lineItems: { id: number; lineItemId: number; fulfillmentOrderId: number; quantity: number }[];
  createdAt: Date;
}

/** A Shopify `UserError`; `code` is present on the payloads whose error type has one. */
export interface UserErrorShape {
  field: string[] | null;
  message: string;
  code?: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; userErrors: UserErrorShape[] };

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(message: string, field: string[] | null = null, code?: string): Outcome<T> => ({
  ok: false,
  userErrors: [{ field, message, ...(code ? { code } : {}) }],
});

/** Something Shopify would announce with a webhook; the stand-in delivers it to the app. */
export interface ShopEvent {
  topic: string;
  payload: unknown;
}
