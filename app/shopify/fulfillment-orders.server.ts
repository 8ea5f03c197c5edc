/**
 * The Admin GraphQL operations the order hand-off uses (API 2026-07), each answer checked with zod so
 * a surprise in Shopify's shape fails loudly here rather than deep in the hand-off.
 */
import { z } from "zod";
import { assertNoUserErrors, type ShopifyAdmin } from "./admin.server";

const userErrorsSchema = z.array(z.looseObject({ field: z.array(z.string()).nullable().optional(), message: z.string(), code: z.string().nullable().optional() }));

const fulfillmentOrderSummarySchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  requestStatus: z.string(),
  fulfillAt: z.string().nullable().optional(),
  assignedLocation: z.looseObject({ location: z.looseObject({ id: z.string() }).nullable().optional() }),
});
export type FulfillmentOrderSummary = z.infer<typeof fulfillmentOrderSummarySchema>;

const SUMMARY_FIELDS = `id status requestStatus fulfillAt assignedLocation { location { id } }`;

const orderFulfillmentOrdersSchema = z.looseObject({
  order: z.looseObject({ fulfillmentOrders: z.looseObject({ nodes: z.array(fulfillmentOrderSummarySchema) }) }).nullable(),
});

export async function readOrderFulfillmentOrders(admin: ShopifyAdmin, orderId: string): Promise<FulfillmentOrderSummary[] | null> {
  const data = orderFulfillmentOrdersSchema.parse(
    await admin.graphql(`query OrderFulfillmentOrders($id: ID!) { order(id: $id) { fulfillmentOrders(first: 20) { nodes { ${SUMMARY_FIELDS} } } } }`, { id: orderId }),
  );
  return data.order?.fulfillmentOrders.nodes ?? null;
}

const mailingAddressSchema = z.looseObject({
  name: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  address1: z.string().nullable().optional(),
  address2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  province: z.string().nullable().optional(),
  zip: z.string().nullable().optional(),
});
export type ShopifyMailingAddress = z.infer<typeof mailingAddressSchema>;

const fulfillmentOrderDetailSchema = fulfillmentOrderSummarySchema.extend({
  lineItems: z.looseObject({
    nodes: z.array(
      z.looseObject({
        id: z.string(),
        remainingQuantity: z.number().int(),
        sku: z.string().nullable().optional(),
        productTitle: z.string().optional(),
        variant: z.looseObject({ id: z.string() }).nullable().optional(),
      }),
    ),
  }),
  order: z.looseObject({
    id: z.string(),
    name: z.string(),
    note: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    displayFinancialStatus: z.string().nullable().optional(),
    paymentGatewayNames: z.array(z.string()),
    totalOutstandingSet: z.looseObject({ shopMoney: z.looseObject({ amount: z.union([z.string(), z.number()]).transform(Number), currencyCode: z.string() }) }),
    shippingAddress: mailingAddressSchema.nullable().optional(),
  }),
});
export type FulfillmentOrderDetail = z.infer<typeof fulfillmentOrderDetailSchema>;

const FULFILLMENT_ORDER_DETAIL = `query FulfillmentOrderForHandoff($id: ID!) {
  fulfillmentOrder(id: $id) {
    ${SUMMARY_FIELDS}
    lineItems(first: 100) { nodes { id remainingQuantity sku productTitle variant { id } } }
    order {
      id name note phone displayFinancialStatus paymentGatewayNames
      totalOutstandingSet { shopMoney { amount currencyCode } }
      shippingAddress { name firstName lastName phone address1 address2 city province zip }
    }
  }
}`;

export async function readFulfillmentOrder(admin: ShopifyAdmin, id: string): Promise<FulfillmentOrderDetail | null> {
  const data = z.looseObject({ fulfillmentOrder: fulfillmentOrderDetailSchema.nullable() }).parse(await admin.graphql(FULFILLMENT_ORDER_DETAIL, { id }));
  return data.fulfillmentOrder;
}

export type AssignmentStatus = "FULFILLMENT_REQUESTED" | "CANCELLATION_REQUESTED";

const assignedSchema = z.looseObject({
  assignedFulfillmentOrders: z.looseObject({
    nodes: z.array(fulfillmentOrderSummarySchema),
    pageInfo: z.looseObject({ hasNextPage: z.boolean(), endCursor: z.string().nullable().optional() }),
  }),
});

/** Every fulfillment order at the location waiting for our answer, page by page. */
export async function listAssignedFulfillmentOrders(admin: ShopifyAdmin, assignmentStatus: AssignmentStatus, locationId: string): Promise<FulfillmentOrderSummary[]> {
  const found: FulfillmentOrderSummary[] = [];
  let after: string | null = null;
  for (;;) {
    const data = assignedSchema.parse(
      await admin.graphql(
        `query AssignedFulfillmentOrders($status: FulfillmentOrderAssignmentStatus, $locationIds: [ID!], $after: String) {
          assignedFulfillmentOrders(first: 50, after: $after, assignmentStatus: $status, locationIds: $locationIds) {
            nodes { ${SUMMARY_FIELDS} }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { status: assignmentStatus, locationIds: [locationId], after },
      ),
    );
    found.push(...data.assignedFulfillmentOrders.nodes);
    const { hasNextPage, endCursor } = data.assignedFulfillmentOrders.pageInfo;
    if (!hasNextPage || !endCursor) return found;
    after = endCursor;
  }
}

async function mutate(admin: ShopifyAdmin, name: string, document: string, variables: Record<string, unknown>) {
  const data = z.record(z.string(), z.looseObject({ userErrors: userErrorsSchema }).nullable()).parse(await admin.graphql(document, variables));
  const payload = data[name];
  assertNoUserErrors(name, payload);
  return payload;
}

/** Returns the id of the fulfillment order that now carries the request (Shopify may split it). */
export async function submitFulfillmentRequest(admin: ShopifyAdmin, id: string, message: string): Promise<string> {
  const data = z
    .looseObject({
      fulfillmentOrderSubmitFulfillmentRequest: z.looseObject({ userErrors: userErrorsSchema, submittedFulfillmentOrder: z.looseObject({ id: z.string() }).nullable().optional() }).nullable(),
    })
    .parse(
      await admin.graphql(
        `mutation SubmitFulfillmentRequest($id: ID!, $message: String) {
          fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: $message) { submittedFulfillmentOrder { id } userErrors { field message } }
        }`,
        { id, message },
      ),
    );
  const payload = data.fulfillmentOrderSubmitFulfillmentRequest;
  assertNoUserErrors("fulfillmentOrderSubmitFulfillmentRequest", payload);
  return payload?.submittedFulfillmentOrder?.id ?? id;
}

export async function acceptFulfillmentRequest(admin: ShopifyAdmin, id: string, message: string) {
  await mutate(
    admin,
    "fulfillmentOrderAcceptFulfillmentRequest",
    `mutation AcceptFulfillmentRequest($id: ID!, $message: String) { fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: $message) { userErrors { field message } } }`,
    { id, message },
  );
}

export type RejectionReason = "INVALID_SKU" | "INCORRECT_ADDRESS" | "INVENTORY_OUT_OF_STOCK" | "OTHER";

export async function rejectFulfillmentRequest(admin: ShopifyAdmin, id: string, reason: RejectionReason, message: string) {
  await mutate(
    admin,
    "fulfillmentOrderRejectFulfillmentRequest",
    `mutation RejectFulfillmentRequest($id: ID!, $reason: FulfillmentOrderRejectionReason, $message: String) {
      fulfillmentOrderRejectFulfillmentRequest(id: $id, reason: $reason, message: $message) { userErrors { field message } }
    }`,
    { id, reason, message },
  );
}

export async function acceptCancellationRequest(admin: ShopifyAdmin, id: string, message: string) {
  await mutate(
    admin,
    "fulfillmentOrderAcceptCancellationRequest",
    `mutation AcceptCancellationRequest($id: ID!, $message: String) { fulfillmentOrderAcceptCancellationRequest(id: $id, message: $message) { userErrors { field message } } }`,
    { id, message },
  );
}

export async function rejectCancellationRequest(admin: ShopifyAdmin, id: string, message: string) {
  await mutate(
    admin,
    "fulfillmentOrderRejectCancellationRequest",
    `mutation RejectCancellationRequest($id: ID!, $message: String) { fulfillmentOrderRejectCancellationRequest(id: $id, message: $message) { userErrors { field message } } }`,
    { id, message },
  );
}

export interface NewFulfillment {
  fulfillmentOrderId: string;
  trackingNumber: string;
  trackingCompany: string | null;
  notifyCustomer: boolean;
}

/** Fulfils every remaining line of the fulfillment order (no line list means "all remaining"). */
export async function createFulfillment(admin: ShopifyAdmin, fulfillment: NewFulfillment) {
  await mutate(
    admin,
    "fulfillmentCreate",
    `mutation CreateFulfillment($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) { userErrors { field message } } }`,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fulfillment.fulfillmentOrderId }],
        notifyCustomer: fulfillment.notifyCustomer,
        trackingInfo: { number: fulfillment.trackingNumber, ...(fulfillment.trackingCompany ? { company: fulfillment.trackingCompany } : {}) },
      },
    },
  );
}
