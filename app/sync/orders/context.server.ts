import type { Shop } from "@prisma/client";
import { PermanentJobError } from "~/jobs/errors";
import { findShop } from "~/models/shop.server";
import type { OnflowGateway } from "~/onflow/gateway";
import { shopifyAdmin, type ShopifyAdmin } from "~/shopify/admin.server";
import { onflowForShop } from "~/sync/onflow-for-shop.server";

export interface OrderSyncContext {
  shop: Shop & { warehouseCode: string };
  shopify: ShopifyAdmin;
  onflow: OnflowGateway;
}

/** Everything an order job needs, or a permanent failure naming what the merchant must set up first. */
export async function orderSyncContext(domain: string): Promise<OrderSyncContext> {
  const shop = await findShop(domain);
  if (!shop || shop.uninstalledAt) throw new PermanentJobError(`${domain} is not installed`);
  if (!shop.onflowTokenCipher || !shop.warehouseCode) throw new PermanentJobError("Connect Onflow and choose a warehouse in Settings first");
  return { shop: { ...shop, warehouseCode: shop.warehouseCode }, shopify: await shopifyAdmin(domain), onflow: onflowForShop(shop) };
}
