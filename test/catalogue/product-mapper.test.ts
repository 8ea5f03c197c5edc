import { describe, expect, it } from "vitest";
import type { CatalogueVariant } from "~/sync/catalogue/catalogue-variant";
import { onflowProductName, toCreateProductInput, weightInGrams } from "~/sync/catalogue/product-mapper";
import { NO_SKU_REASON, NOT_SHIPPED_REASON, ownSkipReason, repeatedSkus } from "~/sync/catalogue/variant-eligibility";

const variant = (overrides: Partial<CatalogueVariant> = {}): CatalogueVariant & { sku: string } => ({
  productId: "gid://shopify/Product/1",
  productTitle: "Trà Ô Long túi 250g",
  variantId: "gid://shopify/ProductVariant/11",
  variantTitle: "Default Title",
  barcode: "8930000123457",
  price: { amount: "145000.00", currencyCode: "VND" },
  inventoryItemId: "gid://shopify/InventoryItem/21",
  requiresShipping: true,
  weight: { value: 280, unit: "GRAMS" },
  ...overrides,
  sku: overrides.sku ?? "TEA-OOLONG-250",
});

describe("weightInGrams", () => {
  it.each([
    [{ value: 280, unit: "GRAMS" as const }, 280],
    [{ value: 1.25, unit: "KILOGRAMS" as const }, 1250],
    [{ value: 2, unit: "POUNDS" as const }, 907],
    [{ value: 8, unit: "OUNCES" as const }, 227],
    [{ value: 0.2, unit: "GRAMS" as const }, 1],
  ])("converts %o to %d g", (weight, grams) => {
    expect(weightInGrams(weight)).toBe(grams);
  });

  it("leaves an unknown or zero weight out", () => {
    expect(weightInGrams(null)).toBeUndefined();
    expect(weightInGrams({ value: 0, unit: "KILOGRAMS" })).toBeUndefined();
  });
});

describe("onflowProductName", () => {
  it("joins product and variant titles, leaving Vietnamese text unchanged", () => {
    expect(onflowProductName("Áo dài lụa tơ tằm", "Đỏ / M")).toBe("Áo dài lụa tơ tằm – Đỏ / M");
  });

  it("uses the product title alone for Shopify's Default Title", () => {
    expect(onflowProductName("Nón lá Huế", "Default Title")).toBe("Nón lá Huế");
  });
});

describe("toCreateProductInput", () => {
  it("maps a variant with the shop's brand and the documented defaults", () => {
    expect(toCreateProductInput(variant(), { brandId: 3105 })).toEqual({
      sku: "TEA-OOLONG-250",
      name: "Trà Ô Long túi 250g",
      brandId: 3105,
      productType: "PHYSICAL",
      unit: "PACKAGE",
      barcodes: ["8930000123457"],
      weightGrams: 280,
      priceVnd: 145000,
    });
  });

  it("sends no price for a shop that does not sell in VND", () => {
    expect(toCreateProductInput(variant({ price: { amount: "19.99", currencyCode: "USD" } }), { brandId: 3105 }).priceVnd).toBeUndefined();
  });

  it("passes a Vietnamese variant name unchanged and omits what Shopify does not know", () => {
    const input = toCreateProductInput(
      variant({ productTitle: "Áo dài lụa tơ tằm", variantTitle: "Đỏ / M", barcode: " ", price: null, weight: null, sku: "AODAI-DO-M" }),
      { brandId: null, productType: "PHYSICAL", unit: "PIECE" },
    );
    expect(input).toEqual({ sku: "AODAI-DO-M", name: "Áo dài lụa tơ tằm – Đỏ / M", productType: "PHYSICAL", unit: "PIECE" });
  });
});

describe("repeatedSkus", () => {
  it("finds SKUs used by more than one variant, ignoring blanks", () => {
    const skus = repeatedSkus([variant({ sku: "A" }), variant({ sku: "B" }), variant({ sku: "A " }), { ...variant(), sku: null }, { ...variant(), sku: "" }]);
    expect([...skus]).toEqual(["A"]);
  });
});

describe("ownSkipReason", () => {
  it("keeps variants without a SKU or without shipping away from the warehouse", () => {
    expect(ownSkipReason({ sku: "  ", requiresShipping: true })).toBe(NO_SKU_REASON);
    expect(ownSkipReason({ sku: "EBOOK-1", requiresShipping: false })).toBe(NOT_SHIPPED_REASON);
    expect(ownSkipReason({ sku: "TEA-1", requiresShipping: true })).toBeNull();
  });
});
