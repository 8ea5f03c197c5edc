import type { GraphqlObject } from "./graphql-object";
import type { GraphQLSchema } from "graphql";
import { executeSync, parse } from "graphql";
import { IdempotencyLedger } from "./idempotency";
import { rootValue } from "./graphql-root";
import type { ShopStore } from "./shop-store";

// What the control API hands back is read through the stand-in's own Admin schema, so a test sees
// exactly the ids and shapes the app sees, and nothing is spent from the app's cost bucket.

const QUANTITY_NAMES = `["available", "committed", "on_hand", "reserved", "incoming", "damaged", "safety_stock", "quality_control"]`;

const LEVEL = `location { id name } quantities(names: ${QUANTITY_NAMES}) { name quantity }`;

const PRODUCT = `
  id legacyResourceId title handle status vendor productType createdAt updatedAt
  variants(first: 250) {
    nodes {
      id legacyResourceId title sku barcode price position
      inventoryItem { id tracked measurement { weight { unit value } } inventoryLevels(first: 250) { nodes { ${LEVEL} } } }
    }
  }`;

const FULFILLMENT_ORDER = `
  id status requestStatus fulfillAt orderId orderName
  assignedLocation { location { id name } }
  fulfillmentHolds { reason reasonNotes }
  lineItems(first: 250) { nodes { id totalQuantity remainingQuantity sku inventoryItemId lineItem { id sku } variant { id } } }
  merchantRequests(first: 50) { nodes { id kind message requestOptions responseData sentAt } }`;

const ORDER = `
  id legacyResourceId name email phone displayFinancialStatus displayFulfillmentStatus paymentGatewayNames cancelledAt
  totalPriceSet { shopMoney { amount currencyCode } }
  shippingAddress { name firstName lastName phone address1 address2 city province provinceCode zip country countryCodeV2 }
  lineItems(first: 250) { nodes { id title sku quantity variant { id } } }
  fulfillmentOrders(first: 50) { nodes { ${FULFILLMENT_ORDER} } }
  fulfillments(first: 50) { id name status trackingInfo { company number url } fulfillmentLineItems(first: 250) { nodes { quantity lineItem { id } } } }`;

const QUERIES = {
  product: parse(`query Snapshot($id: ID!) { node: product(id: $id) { ${PRODUCT} } }`),
  order: parse(`query Snapshot($id: ID!) { node: order(id: $id) { ${ORDER} } }`),
  fulfillmentOrder: parse(`query Snapshot($id: ID!) { node: fulfillmentOrder(id: $id) { ${FULFILLMENT_ORDER} } }`),
  inventoryLevel: parse(`query Snapshot($id: ID!, $locationId: ID!) { node: inventoryItem(id: $id) { inventoryLevel(locationId: $locationId) { ${LEVEL} } } }`),
};

export type SnapshotKind = keyof typeof QUERIES;

export function snapshot(schema: GraphQLSchema, store: ShopStore, kind: SnapshotKind, variables: Record<string, unknown>): GraphqlObject | null {
  const result = executeSync({ schema, document: QUERIES[kind], rootValue, contextValue: { store, idempotency: new IdempotencyLedger(), calls: [] }, variableValues: variables });
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("; "));
  return (result.data?.node as GraphqlObject | null) ?? null;
}
