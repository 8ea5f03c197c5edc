import prisma from "~/db.server";

// Personal data reaches us only inside some Shopify webhooks (order customer and addresses, the
// customer named in a compliance request). Those payloads are cut down to ids once processed, so
// redaction only has queued order webhooks left to clean.
const ORDER_TOPICS = ["ORDERS_CREATE"];
const PERSONAL_TOPICS = [...ORDER_TOPICS, "CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT"];

export interface HeldCustomerData {
  orderIds: string[];
  handoffs: { orderName: string; state: string; onflowTrackingCode: string | null }[];
  queuedOrderWebhooks: number;
}

function mentionsAnyOrder(orderIds: string[]) {
  return orderIds.map((id) => ({ payload: { contains: `"id":${id},` } }));
}

export async function customerDataHeld(shop: string, orderIds: string[]): Promise<HeldCustomerData> {
  const gids = orderIds.map((id) => `gid://shopify/Order/${id}`);
  const handoffs = await prisma.handoff.findMany({
    where: { shop, orderId: { in: [...orderIds, ...gids] } },
    select: { orderName: true, state: true, onflowTrackingCode: true },
  });
  const queuedOrderWebhooks = orderIds.length
    ? await prisma.job.count({ where: { shop, topic: { in: ORDER_TOPICS }, OR: mentionsAnyOrder(orderIds) } })
    : 0;
  return { orderIds, handoffs, queuedOrderWebhooks };
}

export async function redactCustomerOrders(shop: string, orderIds: string[]) {
  if (orderIds.length === 0) return 0;
  const result = await prisma.job.updateMany({
    where: { shop, topic: { in: ORDER_TOPICS }, OR: mentionsAnyOrder(orderIds) },
    data: { payload: JSON.stringify({ redacted: true }) },
  });
  return result.count;
}

/** Cuts finished webhooks that held personal data down to the ids the exceptions list needs. */
export async function minimiseFinishedPayloads() {
  const finished = await prisma.job.findMany({
    where: { topic: { in: PERSONAL_TOPICS }, status: { in: ["done", "cancelled"] }, NOT: { payload: { startsWith: '{"minimised"' } } },
    select: { id: true, payload: true },
    take: 500,
  });
  for (const job of finished) {
    const order = safeJson(job.payload) as { id?: unknown; name?: unknown; admin_graphql_api_id?: unknown } | null;
    await prisma.job.update({
      where: { id: job.id },
      data: { payload: JSON.stringify({ minimised: true, id: order?.id, name: order?.name, admin_graphql_api_id: order?.admin_graphql_api_id }) },
    });
  }
  return finished.length;
}

export async function eraseShopData(shop: string) {
  await prisma.$transaction([
    prisma.job.deleteMany({ where: { shop } }),
    prisma.productLink.deleteMany({ where: { shop } }),
    prisma.catalogueBackfill.deleteMany({ where: { shop } }),
    prisma.handoff.deleteMany({ where: { shop } }),
    prisma.stockRun.deleteMany({ where: { shop } }),
    prisma.lease.deleteMany({ where: { name: { endsWith: `:${shop}` } } }),
    prisma.session.deleteMany({ where: { shop } }),
    prisma.shop.deleteMany({ where: { domain: shop } }),
  ]);
}

export async function recordComplianceRequest(shop: string, topic: string, customerId: string | null, summary: unknown) {
  await prisma.complianceRequest.create({ data: { shop, topic, customerId, summary: JSON.stringify(summary) } });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
