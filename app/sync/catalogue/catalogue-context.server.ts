import type { Shop } from "@prisma/client";
import { PermanentJobError } from "~/jobs/errors";
import { findShop } from "~/models/shop.server";
import type { OnflowGateway } from "~/onflow/gateway";
import { shopifyAdmin, type ShopifyAdmin } from "~/shopify/admin.server";
import { onflowForShop } from "~/sync/onflow-for-shop.server";

/** Everything one catalogue job needs for one shop. */
export interface CatalogueContext {
  shop: Shop;
  warehouseCode: string;
  onflow: OnflowGateway;
  admin: ShopifyAdmin;
}

export interface CatalogueContextOverrides {
  onflow?: OnflowGateway;
  admin?: ShopifyAdmin;
}

/** Null when the shop has not finished connecting Onflow: nothing can be synced yet. */
export async function catalogueContext(domain: string, overrides: CatalogueContextOverrides = {}): Promise<CatalogueContext | null> {
  const shop = await findShop(domain);
  if (!shop) throw new PermanentJobError(`Unknown shop ${domain}`);
  if (!shop.onflowTokenCipher || !shop.warehouseCode) return null;
  return {
    shop,
    warehouseCode: shop.warehouseCode,
    onflow: overrides.onflow ?? onflowForShop(shop),
    admin: overrides.admin ?? (await shopifyAdmin(domain)),
  };
}
