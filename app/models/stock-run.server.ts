import prisma from "~/db.server";

export type StockRunTrigger = "scheduled" | "manual" | "webhook";
export type StockRunStatus = "running" | "succeeded" | "partial" | "failed";

export interface StockRunOutcome {
  status: Exclude<StockRunStatus, "running">;
  itemsRead: number;
  itemsChanged: number;
  itemsFailed: number;
  unlinkedOasins: string[];
  error: string | null;
}

export async function startStockRun(shop: string, trigger: StockRunTrigger) {
  return prisma.stockRun.create({ data: { shop, trigger, status: "running" } });
}

export async function finishStockRun(id: string, outcome: StockRunOutcome) {
  return prisma.stockRun.update({
    where: { id },
    data: { ...outcome, unlinkedOasins: JSON.stringify(outcome.unlinkedOasins), finishedAt: new Date() },
  });
}

/** Newest first, for the dashboard. */
export async function recentStockRuns(shop: string, take = 10) {
  const runs = await prisma.stockRun.findMany({ where: { shop }, orderBy: { startedAt: "desc" }, take });
  return runs.map((run) => ({ ...run, unlinkedOasins: JSON.parse(run.unlinkedOasins) as string[] }));
}

/**
 * Catalogue links that can carry stock: an OASIN, an inventory item, and a product not deleted.
 * Kept beside the stock runs because it is the stock sync's own read of the catalogue.
 */
export async function stockLinks(shop: string, oasins?: readonly string[]) {
  const links = await prisma.productLink.findMany({
    where: { shop, oasin: oasins ? { in: [...oasins] } : { not: null }, inventoryItemId: { not: null }, state: { not: "deactivated" } },
    select: { oasin: true, inventoryItemId: true },
  });
  return links.map((link) => ({ oasin: link.oasin!, inventoryItemId: link.inventoryItemId! }));
}
