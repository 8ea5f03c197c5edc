/**
 * Pure: which remembered on_hand values a stock run may trust instead of reading Shopify.
 *
 * The app remembers the on_hand it last wrote or read per link. Its own writes keep that memory
 * right; anything else that moves on_hand at the Onflow location (a fulfillment, a restock, a
 * merchant's edit) is caught by the compare-and-swap the next time the item is written. An item
 * whose Onflow quantity does not change is never written, so a slice of the oldest memories is
 * read again in every full run: drift at Shopify is found within a bounded time.
 */

export interface RememberedLink {
  inventoryItemId: string;
  stockedAt: Date | null;
  shopifyOnHand: number | null;
  shopifyOnHandAt: Date | null;
}

/** Memories older than this are due to be checked against Shopify. */
export const REVERIFY_AFTER_MS = 6 * 60 * 60_000;
/** At most this many due items are read per run (3 cost points each: well inside one bucket). */
export const REVERIFY_PER_RUN = 300;

/** The remembered on_hand, unless there is none or the item was (re)stocked at the location after it was confirmed. */
export function trustedOnHand(link: RememberedLink): number | null {
  if (link.shopifyOnHand === null || !link.shopifyOnHandAt) return null;
  if (link.stockedAt && link.shopifyOnHandAt < link.stockedAt) return null;
  return link.shopifyOnHand;
}

/**
 * The on_hand a run may take as known (per inventory item), and the items to read first: the
 * oldest trusted memories past REVERIFY_AFTER_MS, or every item when `verifyAll` (a one-product
 * refresh costs one read, and it makes a webhook a way to correct that product).
 */
export function rememberedOnHand(links: readonly RememberedLink[], now: Date, options: { verifyAll: boolean }) {
  const known = new Map<string, number>();
  const confirmedAt = new Map<string, number>();
  for (const link of links) {
    const trusted = trustedOnHand(link);
    if (trusted === null || options.verifyAll) continue;
    known.set(link.inventoryItemId, trusted);
    confirmedAt.set(link.inventoryItemId, link.shopifyOnHandAt!.getTime());
  }
  const toVerify = options.verifyAll
    ? [...new Set(links.map((link) => link.inventoryItemId))]
    : [...confirmedAt]
        .filter(([, at]) => at <= now.getTime() - REVERIFY_AFTER_MS)
        .sort(([, a], [, b]) => a - b)
        .slice(0, REVERIFY_PER_RUN)
        .map(([item]) => item);
  for (const item of toVerify) known.delete(item);
  return { known, toVerify };
}
