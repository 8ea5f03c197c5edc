/**
 * Pure planning of a stock run: which Shopify inventory items must be read, which get a new
 * on_hand, in what batches.
 */

export interface StockLink {
  oasin: string;
  inventoryItemId: string;
}

export interface PlannedWrite {
  inventoryItemId: string;
  quantity: number;
  /** The on_hand Shopify is believed to hold: the write only lands if Shopify still holds it. */
  changeFromQuantity: number;
}

export interface StockPlan {
  writes: PlannedWrite[];
  /** Items with nothing known whose quantity equals the assumption: only a read can tell if they changed. */
  toRead: string[];
  unchanged: number;
  /** Linked items Shopify does not stock at the Onflow location, so they cannot be written. */
  notStocked: string[];
  /** OASINs with stock at Onflow that no link points to. */
  unlinkedOasins: string[];
}

export const MAX_QUANTITIES_PER_WRITE = 250;

/**
 * What an item nothing is known about is taken to hold: the catalogue stocks items at the Onflow
 * location without a quantity, so they start at 0. Only ever a compare-and-swap guess: when it is
 * wrong Shopify refuses the write and the item is read.
 */
export const ASSUMED_ON_HAND = 0;

/**
 * A linked OASIN Onflow does not report has nothing sellable, so it is planned at 0 — but only in a
 * full run (`absentMeansZero`); a single-product refresh only plans what it read.
 * An item missing from `onHandByItem` is written from ASSUMED_ON_HAND, or read first when its
 * quantity equals the assumption (nothing would be written, so nothing would check it).
 */
export function planStockWrites(input: {
  sellableByOasin: ReadonlyMap<string, number>;
  links: readonly StockLink[];
  /** Known on_hand per inventory item at the location; null when the item is not stocked there. */
  onHandByItem: ReadonlyMap<string, number | null>;
  absentMeansZero: boolean;
}): StockPlan {
  const linkedOasins = new Set(input.links.map((link) => link.oasin));
  const writes: PlannedWrite[] = [];
  const toRead: string[] = [];
  const notStocked: string[] = [];
  let unchanged = 0;
  const plannedItems = new Set<string>();
  for (const link of input.links) {
    if (plannedItems.has(link.inventoryItemId)) continue;
    const sellable = input.sellableByOasin.get(link.oasin);
    if (sellable === undefined && !input.absentMeansZero) continue;
    plannedItems.add(link.inventoryItemId);
    const quantity = sellable ?? 0;
    const onHand = input.onHandByItem.get(link.inventoryItemId);
    if (onHand === undefined) {
      if (quantity === ASSUMED_ON_HAND) toRead.push(link.inventoryItemId);
      else writes.push({ inventoryItemId: link.inventoryItemId, quantity, changeFromQuantity: ASSUMED_ON_HAND });
    } else if (onHand === null) notStocked.push(link.inventoryItemId);
    else if (quantity === onHand) unchanged++;
    else writes.push({ inventoryItemId: link.inventoryItemId, quantity, changeFromQuantity: onHand });
  }
  const unlinkedOasins = [...input.sellableByOasin.keys()].filter((oasin) => !linkedOasins.has(oasin)).sort();
  return { writes, toRead, unchanged, notStocked, unlinkedOasins };
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
