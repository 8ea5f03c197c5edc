import { toGid } from "./gid";
import type { FulfillmentOrder, MailingAddress, MerchantRequest, Order, Product } from "./model";
import type { ShopStore } from "./shop-store";

// Webhook bodies are shaped like Shopify's REST resources: snake_case, numeric ids, and the
// GraphQL id beside them in `admin_graphql_api_id`. The fulfillment_orders/* topics are the
// exception Shopify makes: they carry GraphQL ids and lower-case statuses.

export function productWebhookPayload(store: ShopStore, product: Product) {
  return {
    id: product.id,
    admin_graphql_api_id: toGid("Product", product.id),
    title: product.title,
    body_html: "",
    vendor: product.vendor,
    product_type: product.productType,
    handle: product.handle,
    status: product.status.toLowerCase(),
    tags: "",
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
    published_at: product.status === "ACTIVE" ? product.createdAt.toISOString() : null,
    variants: product.variantIds.flatMap((variantId) => {
      const variant = store.variants.get(variantId);
      if (!variant) return [];
      return [
        {
          id: variant.id,
          admin_graphql_api_id: toGid("ProductVariant", variant.id),
          product_id: product.id,
          title: variant.title,
          sku: variant.sku,
          barcode: variant.barcode,
          price: variant.price,
          position: variant.position,
          inventory_item_id: variant.inventoryItemId,
          inventory_quantity: store.levelsOfItem(variant.inventoryItemId).reduce((sum, level) => sum + level.quantities.available, 0),
          created_at: variant.createdAt.toISOString(),
          updated_at: variant.updatedAt.toISOString(),
        },
      ];
    }),
    options: [],
    images: [],
    image: null,
  };
}

export function productDeletedWebhookPayload(product: Product) {
  return { id: product.id };
}

function addressPayload(address: MailingAddress | null) {
  if (!address) return null;
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  return {
    first_name: address.firstName ?? null,
    last_name: address.lastName ?? null,
    name: name || null,
    company: address.company ?? null,
    phone: address.phone ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    province: address.province ?? null,
    province_code: address.provinceCode ?? null,
    zip: address.zip ?? null,
    country: address.country ?? null,
    country_code: address.countryCode ?? null,
  };
}

export function orderTotal(order: Order): string {
  return order.lineItems.reduce((sum, line) => sum + Number(line.price) * line.quantity, 0).toFixed(2);
}

export function orderWebhookPayload(store: ShopStore, order: Order) {
  return {
    id: order.id,
    admin_graphql_api_id: toGid("Order", order.id),
    name: order.name,
    order_number: 1000 + order.number,
    email: order.email,
    phone: order.phone,
    note: order.note,
    tags: order.tags.join(", "),
    currency: order.currency,
    total_price: orderTotal(order),
    financial_status: order.displayFinancialStatus.toLowerCase(),
    fulfillment_status: null,
    payment_gateway_names: order.paymentGatewayNames,
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    cancelled_at: order.cancelledAt?.toISOString() ?? null,
    shipping_address: addressPayload(order.shippingAddress),
    line_items: order.lineItems.map((line) => ({
      id: line.id,
      admin_graphql_api_id: toGid("LineItem", line.id),
      variant_id: line.variantId,
      product_id: line.productId,
      title: line.title,
      variant_title: line.variantTitle,
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      sku: line.sku,
      quantity: line.quantity,
      price: line.price,
      requires_shipping: true,
      fulfillable_quantity: line.quantity,
      fulfillment_status: null,
      fulfillment_service: "manual",
    })),
    fulfillment_orders_count: store.fulfillmentOrdersOf(order.id).length,
  };
}

function fulfillmentOrderSummary(fulfillmentOrder: FulfillmentOrder) {
  return {
    id: toGid("FulfillmentOrder", fulfillmentOrder.id),
    status: fulfillmentOrder.status.toLowerCase(),
    request_status: fulfillmentOrder.requestStatus.toLowerCase(),
  };
}

function merchantRequestSummary(request: MerchantRequest) {
  return {
    id: toGid("FulfillmentOrderMerchantRequest", request.id),
    message: request.message,
    request_options: request.requestOptions,
  };
}

export function fulfillmentRequestSubmittedPayload(original: FulfillmentOrder, submitted: FulfillmentOrder, request: MerchantRequest) {
  return {
    original_fulfillment_order: fulfillmentOrderSummary(original),
    submitted_fulfillment_order: fulfillmentOrderSummary(submitted),
    fulfillment_order_merchant_request: merchantRequestSummary(request),
  };
}

export function cancellationRequestSubmittedPayload(fulfillmentOrder: FulfillmentOrder, request: MerchantRequest) {
  return {
    fulfillment_order: fulfillmentOrderSummary(fulfillmentOrder),
    fulfillment_order_merchant_request: merchantRequestSummary(request),
  };
}

export function fulfillmentOrderCancelledPayload(fulfillmentOrder: FulfillmentOrder) {
  return { fulfillment_order: fulfillmentOrderSummary(fulfillmentOrder), replacement_fulfillment_order: null };
}
