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
 * Catalogue links that can carry stock: an OASIN, an inventory item, and a product not deleted,
 * with the on_hand the stock sync last confirmed for them in Shopify.
 * Kept beside the stock runs because it is the stock sync's own read and memory of the catalogue.
 */
export async function stockLinks(shop: string, oasins?: readonly string[]) {
  const links = await prisma.productLink.findMany({
    where: { shop, oasin: oasins ? { in: [...oasins] } : { not: null }, inventoryItemId: { not: null }, state: { not: "deactivated" } },
    select: { oasin: true, inventoryItemId: true, stockedAt: true, shopifyOnHand: true, shopifyOnHandAt: true },
  });
  return links.map((link) => ({ ...link, oasin: link.oasin!, inventoryItemId: link.inventoryItemId! }));
}

/** Rows per statement: two bound values per item plus a few, well under SQLite's variable limit. */
const REMEMBER_CHUNK = 250;

/**
 * Remembers the on_hand now confirmed in Shopify per inventory item (null forgets it, so the next
 * run reads Shopify again). One statement per chunk: a run can confirm 10,000 items.
 */
export async function rememberShopifyOnHand(shop: string, onHandByItem: ReadonlyMap<string, number | null>, at = new Date()) {
  const entries = [...onHandByItem];
  for (let start = 0; start < entries.length; start += REMEMBER_CHUNK) {
    const chunk = entries.slice(start, start + REMEMBER_CHUNK);
    const cases = chunk.map(() => "WHEN ? THEN ?").join(" ");
    const placeholders = chunk.map(() => "?").join(", ");
    const items = chunk.map(([item]) => item);
    await prisma.$transaction([
      prisma.$executeRawUnsafe(
        `UPDATE "ProductLink" SET "shopifyOnHand" = CASE "inventoryItemId" ${cases} END WHERE "shop" = ? AND "inventoryItemId" IN (${placeholders})`,
        ...chunk.flat(),
        shop,
        ...items,
      ),
      prisma.productLink.updateMany({ where: { shop, inventoryItemId: { in: items } }, data: { shopifyOnHandAt: at } }),
    ]);
  }
}
