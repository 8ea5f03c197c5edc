/**
 * Which variants may become Onflow products. Onflow keys products by SKU, so a variant without one,
 * or one whose SKU another variant also uses, cannot be told apart there and is not sent.
 */
import type { CatalogueVariant } from "./catalogue-variant";

export function normalisedSku(sku: string | null): string | null {
  const trimmed = sku?.trim();
  return trimmed ? trimmed : null;
}

/** SKUs that appear on more than one of the given variants. */
export function repeatedSkus(variants: readonly CatalogueVariant[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const variant of variants) {
    const sku = normalisedSku(variant.sku);
    if (!sku) continue;
    if (seen.has(sku)) repeated.add(sku);
    seen.add(sku);
  }
  return repeated;
}

export const NOT_SHIPPED_REASON = "This variant does not require shipping (digital or a service), so there is nothing for Onflow to store.";

export const NO_SKU_REASON = "This variant has no SKU, so Onflow cannot stock it. Add a SKU in Shopify.";

export function sharedSkuReason(sku: string, otherVariantTitle: string): string {
  return `SKU ${sku} is also used by "${otherVariantTitle}". Give each variant its own SKU so Onflow can tell them apart.`;
}

/** Reasons visible on the variant alone; a SKU shared with another variant needs the catalogue. */
export function ownSkipReason(variant: Pick<CatalogueVariant, "sku" | "requiresShipping">): string | null {
  if (!variant.requiresShipping) return NOT_SHIPPED_REASON;
  if (!normalisedSku(variant.sku)) return NO_SKU_REASON;
  return null;
}
