/**
 * Hand-offs and fulfillments that are due must be recorded before stock is written, or a parcel
 * Onflow has already shipped (and no longer counts) would still be committed in Shopify and be
 * counted twice. The orders sync owns that work; this hook is where the stock run asks for it.
 */
export type BeforeStockRun = (shop: string) => Promise<void>;

// The orders engineer's tracking poll (app/sync/orders/) does not export a "record due
// fulfillments" function yet; until it does, nothing is due from the stock side.
export const beforeStockRun: BeforeStockRun = async () => {};
