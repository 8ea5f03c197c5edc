/**
 * Pure planning of a stock run: which Shopify inventory items get a new on_hand, in what batches.
 */

export interface StockLink {
  oasin: string;
  inventoryItemId: string;
}

export interface PlannedWrite {
  inventoryItemId: string;
  quantity: number;
  /** The on_hand just read from Shopify: the write only lands if Shopify still holds it. */
  changeFromQuantity: number;
}

export interface StockPlan {
  writes: PlannedWrite[];
  unchanged: number;
  /** Linked items Shopify does not stock at the Onflow location, so they cannot be written. */
  notStocked: string[];
  /** OASINs with stock at Onflow that no link points to. */
  unlinkedOasins: string[];
}

export const MAX_QUANTITIES_PER_WRITE = 250;

/**
 * A linked OASIN Onflow does not report has nothing sellable, so it is planned at 0 — but only in a
 * full run (`absentMeansZero`); a single-product refresh only plans what it read.
 */
export function planStockWrites(input: {
  sellableByOasin: ReadonlyMap<string, number>;
  links: readonly StockLink[];
  /** Current on_hand per inventory item at the location; null when the item is not stocked there. */
  onHandByItem: ReadonlyMap<string, number | null>;
  absentMeansZero: boolean;
}): StockPlan {
  const linkedOasins = new Set(input.links.map((link) => link.oasin));
  const writes: PlannedWrite[] = [];
  const notStocked: string[] = [];
  let unchanged = 0;
  const plannedItems = new Set<string>();
  for (const link of input.links) {
    if (plannedItems.has(link.inventoryItemId)) continue;
    const sellable = input.sellableByOasin.get(link.oasin);
    if (sellable === undefined && !input.absentMeansZero) continue;
    plannedItems.add(link.inventoryItemId);
    const onHand = input.onHandByItem.get(link.inventoryItemId);
    if (onHand === null || onHand === undefined) {
      notStocked.push(link.inventoryItemId);
      continue;
    }
    const quantity = sellable ?? 0;
    if (quantity === onHand) unchanged++;
    else writes.push({ inventoryItemId: link.inventoryItemId, quantity, changeFromQuantity: onHand });
  }
  const unlinkedOasins = [...input.sellableByOasin.keys()].filter((oasin) => !linkedOasins.has(oasin)).sort();
  return { writes, unchanged, notStocked, unlinkedOasins };
}

/** A single-product refresh: only these OASINs, and one Onflow no longer lists has nothing sellable left. */
export function restrictTo(sellableByOasin: ReadonlyMap<string, number>, oasins: readonly string[]): Map<string, number> {
  return new Map(oasins.map((oasin) => [oasin, sellableByOasin.get(oasin) ?? 0]));
}

export function inBatches<Item>(items: readonly Item[], size = MAX_QUANTITIES_PER_WRITE): Item[][] {
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** Same run, batch and round → same key, so a resent request is applied once by Shopify. */
export function idempotencyKeyFor(runId: string, batchIndex: number, round: number): string {
  return `stock-run:${runId}:batch-${batchIndex}:round-${round}`;
}
