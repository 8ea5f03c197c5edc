import { orderSyncContext } from "~/sync/orders/context.server";
import { pollOpenShipments } from "~/sync/orders/tracking.server";

/**
 * Hand-offs and fulfillments that are due must be recorded before stock is written: a parcel Onflow
 * has already handed to the carrier no longer counts in Onflow's stock, so unless Shopify has
 * fulfilled it (taking it out of committed and on_hand) the same parcel would be counted twice.
 */
export type BeforeStockRun = (shop: string) => Promise<void>;

export const beforeStockRun: BeforeStockRun = async (shop) => {
  await pollOpenShipments(await orderSyncContext(shop));
};
