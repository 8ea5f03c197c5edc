/**
 * Shopify variant → Onflow Create Product input. Pure: every field decision for the catalogue is
 * taken here so that one file changes when Onflow documents more of its product model.
 */
import type { CreateProductInput } from "~/onflow/gateway";
import type { CatalogueVariant, ShopifyWeightUnit } from "./catalogue-variant";

/** The only values Onflow's docs show for these enums (product.md §1). */
export const DEFAULT_PRODUCT_TYPE = "PHYSICAL";
export const DEFAULT_PRODUCT_UNIT = "PACKAGE";

export interface ProductDefaults {
  brandId: number | null;
  productType?: string;
  unit?: string;
}

const GRAMS_PER_UNIT: Record<ShopifyWeightUnit, number> = {
  GRAMS: 1,
  KILOGRAMS: 1000,
  OUNCES: 28.349523125,
  POUNDS: 453.59237,
};

/** Onflow weighs in whole grams [inferred]; a zero or unknown weight is left for Onflow to measure. */
export function weightInGrams(weight: CatalogueVariant["weight"]): number | undefined {
  if (!weight || !Number.isFinite(weight.value) || weight.value <= 0) return undefined;
  return Math.max(1, Math.round(weight.value * GRAMS_PER_UNIT[weight.unit]));
}

/** Shopify names the only variant of a single-variant product "Default Title"; it says nothing. */
export function onflowProductName(productTitle: string, variantTitle: string): string {
  const product = productTitle.trim();
  const variant = variantTitle.trim();
  if (!variant || variant === "Default Title" || variant === product) return product;
  return `${product} – ${variant}`;
}

/**
 * Onflow prices are whole VND [inferred]. A shop selling in another currency has no VND price to
 * give, and a converted one would be a guess, so none is sent.
 */
export function priceInVnd(price: CatalogueVariant["price"]): number | undefined {
  if (price === null || price.currencyCode !== "VND") return undefined;
  const amount = Number(price.amount);
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount) : undefined;
}

export function toCreateProductInput(variant: CatalogueVariant & { sku: string }, defaults: ProductDefaults): CreateProductInput {
  const barcode = variant.barcode?.trim();
  return {
    sku: variant.sku,
    name: onflowProductName(variant.productTitle, variant.variantTitle),
    brandId: defaults.brandId ?? undefined,
    productType: defaults.productType ?? DEFAULT_PRODUCT_TYPE,
    unit: defaults.unit ?? DEFAULT_PRODUCT_UNIT,
    barcodes: barcode ? [barcode] : undefined,
    weightGrams: weightInGrams(variant.weight),
    priceVnd: priceInVnd(variant.price),
  };
}
