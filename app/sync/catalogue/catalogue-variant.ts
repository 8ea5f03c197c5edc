/**
 * A Shopify variant as catalogue sync needs it, whichever way it was read (a product webhook followed
 * by a product read, or a backfill page). Ids are Admin GraphQL ids (gid://shopify/...).
 */
export type ShopifyWeightUnit = "GRAMS" | "KILOGRAMS" | "OUNCES" | "POUNDS";

export interface CatalogueVariant {
  productId: string;
  productTitle: string;
  variantId: string;
  variantTitle: string;
  sku: string | null;
  barcode: string | null;
  /** Shopify's decimal string, in the shop's currency. */
  price: { amount: string; currencyCode: string } | null;
  inventoryItemId: string | null;
  /** False for digital goods and services: nothing for a warehouse to ship. */
  requiresShipping: boolean;
  weight: { value: number; unit: ShopifyWeightUnit } | null;
}
