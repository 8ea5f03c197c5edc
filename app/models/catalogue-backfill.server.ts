import prisma from "~/db.server";

/** running → done | failed. One running backfill per shop; a second request joins it. */
export type CatalogueBackfillStatus = "running" | "done" | "failed";

export async function runningBackfill(shop: string) {
  return prisma.catalogueBackfill.findFirst({ where: { shop, status: "running" }, orderBy: { startedAt: "asc" } });
}

/**
 * The running backfill, or a new one. SQLite serialises writers, and the transaction makes the
 * look-then-create one write, so two requests at once still share one backfill.
 */
export async function findOrStartBackfill(shop: string) {
  return prisma.$transaction(async (tx) => {
    const running = await tx.catalogueBackfill.findFirst({ where: { shop, status: "running" }, orderBy: { startedAt: "asc" } });
    if (running) return { backfill: running, started: false };
    const backfill = await tx.catalogueBackfill.create({ data: { shop, status: "running" } });
    return { backfill, started: true };
  });
}

export async function findBackfill(id: string) {
  return prisma.catalogueBackfill.findUnique({ where: { id } });
}

export async function latestBackfill(shop: string) {
  return prisma.catalogueBackfill.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
}

export interface PageTally {
  seen: number;
  synced: number;
  failed: number;
}

/** Moves the cursor past a finished page, only if nobody else already did. */
export async function recordBackfillPage(id: string, fromCursor: string | null, nextCursor: string | null, tally: PageTally) {
  const moved = await prisma.catalogueBackfill.updateMany({
    where: { id, status: "running", cursor: fromCursor },
    data: {
      cursor: nextCursor,
      variantsSeen: { increment: tally.seen },
      variantsSynced: { increment: tally.synced },
      variantsFailed: { increment: tally.failed },
      lastError: null,
      ...(nextCursor === null ? { status: "done", finishedAt: new Date() } : {}),
    },
  });
  return moved.count === 1;
}

export async function recordBackfillError(id: string, message: string) {
  await prisma.catalogueBackfill.update({ where: { id }, data: { lastError: message } });
}

export async function failBackfill(id: string, message: string) {
  await prisma.catalogueBackfill.updateMany({
    where: { id, status: "running" },
    data: { status: "failed", lastError: message, finishedAt: new Date() },
  });
}
