import prisma from "~/db.server";

/** Read-only queries behind the dashboard; every one is scoped to a single shop. */

async function countsBy<Row extends { state: string; _count: { _all: number } }>(rows: Promise<Row[]>) {
  return Object.fromEntries((await rows).map((row) => [row.state, row._count._all])) as Record<string, number>;
}

export async function productLinkCountsByState(shop: string) {
  return countsBy(prisma.productLink.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } }));
}

export async function handoffCountsByState(shop: string) {
  return countsBy(prisma.handoff.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } }));
}

export async function latestStockRun(shop: string) {
  return prisma.stockRun.findFirst({
    where: { shop },
    orderBy: { startedAt: "desc" },
    select: { status: true, trigger: true, itemsRead: true, itemsChanged: true, itemsFailed: true, error: true, startedAt: true, finishedAt: true },
  });
}

export async function latestCatalogueBackfill(shop: string) {
  return prisma.catalogueBackfill.findFirst({
    where: { shop },
    orderBy: { startedAt: "desc" },
    select: { status: true, variantsSeen: true, variantsSynced: true, variantsFailed: true, lastError: true, startedAt: true, finishedAt: true },
  });
}

/** Dead jobs with their payload, so the list can name the order or product concerned. */
export async function deadJobsWithPayload(shop: string, take = 50) {
  return prisma.job.findMany({
    where: { shop, status: { in: ["dead", "unhandled"] } },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, topic: true, payload: true, attempts: true, lastError: true, updatedAt: true },
  });
}

export async function handoffsNeedingAttention(shop: string, take = 50) {
  return prisma.handoff.findMany({
    where: { shop, state: { in: ["needs_attention", "rejected"] } },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, orderName: true, state: true, reason: true, rejectionReason: true, updatedAt: true },
  });
}

export async function productLinksNeedingAttention(shop: string, take = 50) {
  return prisma.productLink.findMany({
    where: { shop, state: { in: ["failed", "skipped"] } },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, title: true, sku: true, state: true, reason: true, updatedAt: true },
  });
}
