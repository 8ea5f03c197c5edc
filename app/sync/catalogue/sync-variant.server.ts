/**
 * Brings one Shopify variant to an Onflow product assigned to the shop's warehouse and stocked at
 * the Onflow location. Every step is recorded before the next, and each step first checks whether
 * it already happened, so a redelivered webhook or a restarted backfill repeats nothing.
 */
import { describeError } from "~/jobs/errors";
import {
  findLinkByVariant,
  findOtherLinkWithSku,
  recordLinkProgress,
  saveVariantFacts,
  type ProductLink,
  type ProductLinkState,
} from "~/models/product-link.server";
import { isOnflowError, OnflowError } from "~/onflow/errors";
import { ShopifyUserError } from "~/shopify/admin.server";
import { stockAtLocation } from "~/shopify/catalogue.server";
import type { CatalogueContext } from "./catalogue-context.server";
import type { CatalogueVariant } from "./catalogue-variant";
import { deactivateLink } from "./deactivate-link.server";
import { toCreateProductInput } from "./product-mapper";
import { normalisedSku, ownSkipReason, sharedSkuReason } from "./variant-eligibility";

export const AWAITING_LOCATION_REASON = "Waiting for the Onflow location in Shopify; it is created when the connection is saved.";

/**
 * `repeatedInBatch` holds SKUs that several variants of the same read share. Returns the link's
 * final state. Retryable Onflow and Shopify failures are thrown for the worker to retry.
 */
export async function syncVariant(context: CatalogueContext, variant: CatalogueVariant, repeatedInBatch: ReadonlySet<string>): Promise<ProductLinkState> {
  const domain = context.shop.domain;
  const sku = normalisedSku(variant.sku);
  const previous = await findLinkByVariant(domain, variant.variantId);

  let link = await saveVariantFacts(
    domain,
    variant.variantId,
    { productId: variant.productId, title: variantTitle(variant), sku: previous?.sku ?? sku, inventoryItemId: variant.inventoryItemId },
    "pending",
  );

  // Onflow cannot rename a SKU: the old product is retired and the new SKU becomes a new product.
  if (link.oasin && link.sku !== sku && link.state !== "deactivated") {
    link = await deactivateLink(context, link);
  }
  if (link.sku !== sku || link.state === "deactivated") {
    link = await recordLinkProgress(link.id, { state: "pending", sku, oasin: null, stockedAt: null, reason: null });
  }

  const skipReason = await skipReasonFor(domain, variant, link, sku, repeatedInBatch);
  if (skipReason) return (await recordLinkProgress(link.id, { state: "skipped", reason: skipReason })).state as ProductLinkState;

  try {
    return await advance(context, { ...variant, sku: sku! }, link);
  } catch (error) {
    if (isPermanent(error)) {
      const reason = error instanceof OnflowError ? `Onflow refused: ${error.messages}` : describeError(error);
      await recordLinkProgress(link.id, { state: "failed", reason, countAttempt: true });
      return "failed";
    }
    await recordLinkProgress(link.id, { reason: describeError(error), countAttempt: true });
    throw error;
  }
}

function variantTitle(variant: CatalogueVariant): string {
  return variant.variantTitle && variant.variantTitle !== "Default Title" ? `${variant.productTitle} / ${variant.variantTitle}` : variant.productTitle;
}

async function skipReasonFor(domain: string, variant: CatalogueVariant, link: ProductLink, sku: string | null, repeatedInBatch: ReadonlySet<string>) {
  const own = ownSkipReason(variant);
  if (own || !sku) return own;
  // The variant that reached Onflow first keeps the SKU; a newcomer cannot share it.
  if (link.oasin) return null;
  if (repeatedInBatch.has(sku)) return sharedSkuReason(sku, "another variant read with it");
  const other = await findOtherLinkWithSku(domain, sku, variant.variantId);
  if (!other) return null;
  if (!other.oasin) await recordLinkProgress(other.id, { state: "skipped", reason: sharedSkuReason(sku, variantTitle(variant)) });
  return sharedSkuReason(sku, other.title);
}

function isPermanent(error: unknown): boolean {
  if (error instanceof OnflowError) return !error.retryable;
  return error instanceof ShopifyUserError;
}

async function advance(context: CatalogueContext, variant: CatalogueVariant & { sku: string }, start: ProductLink): Promise<ProductLinkState> {
  let link = start;
  if (!link.oasin) {
    const oasin = await existingOrNewOasin(context, variant);
    link = await recordLinkProgress(link.id, { state: "created", oasin, reason: null });
  }
  if (link.state === "created" || link.state === "pending" || (link.state === "failed" && !link.stockedAt)) {
    await context.onflow.assignProduct({ oasin: link.oasin!, warehouseCode: context.warehouseCode });
    link = await recordLinkProgress(link.id, { state: "assigned", reason: null });
  }
  if (link.stockedAt) {
    if (link.state !== "active" || link.reason !== null) await recordLinkProgress(link.id, { state: "active", reason: null });
    return "active";
  }
  const locationId = context.shop.locationId;
  if (!locationId || !variant.inventoryItemId) {
    await recordLinkProgress(link.id, { state: "assigned", reason: AWAITING_LOCATION_REASON });
    return "assigned";
  }
  await stockAtLocation(context.admin, variant.inventoryItemId, locationId);
  await recordLinkProgress(link.id, { state: "active", stockedAt: new Date(), reason: null });
  return "active";
}

/** A merchant who used Onflow before already has products: link them rather than duplicate. */
async function existingOrNewOasin(context: CatalogueContext, variant: CatalogueVariant & { sku: string }): Promise<string> {
  const existing = await context.onflow.findProductBySku(variant.sku);
  if (existing) return existing.oasin;
  try {
    const created = await context.onflow.createProduct(
      toCreateProductInput(variant, { brandId: context.shop.brandId }),
    );
    return created.oasin;
  } catch (error) {
    // A create whose answer was lost may have succeeded: the retry finds it by SKU.
    if (isOnflowError(error, "PRODUCT_SKU_ALREADY_EXISTS")) {
      const racing = await context.onflow.findProductBySku(variant.sku);
      if (racing) return racing.oasin;
    }
    throw error;
  }
}
