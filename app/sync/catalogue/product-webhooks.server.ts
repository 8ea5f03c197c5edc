/**
 * products/create, products/update and products/delete. The webhook says which product changed;
 * the product is then read from Shopify, because deliveries can be late or out of order and the
 * REST-shaped body no longer carries variant weights (they live on the inventory item).
 */
import { z } from "zod";
import { PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { findLinksByProduct } from "~/models/product-link.server";
import { readProductVariants } from "~/shopify/catalogue.server";
import { catalogueContext, type CatalogueContext, type CatalogueContextOverrides } from "./catalogue-context.server";
import { deactivateLink } from "./deactivate-link.server";
import { syncVariant } from "./sync-variant.server";
import { repeatedSkus } from "./variant-eligibility";

const productWebhookSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  admin_graphql_api_id: z.string().optional(),
});

export function productGidFromWebhook(payload: unknown): string {
  const parsed = productWebhookSchema.safeParse(payload);
  if (!parsed.success) throw new PermanentJobError(`Product webhook without a product id: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data.admin_graphql_api_id ?? `gid://shopify/Product/${parsed.data.id}`;
}

export async function syncProduct(context: CatalogueContext, productId: string): Promise<void> {
  const variants = await readProductVariants(context.admin, productId);
  if (variants === null) return deactivateProduct(context, productId);
  const repeated = repeatedSkus(variants);
  for (const variant of variants) await syncVariant(context, variant, repeated);
  // Variants removed from the product in Shopify no longer need an Onflow product.
  const current = new Set(variants.map((variant) => variant.variantId));
  for (const link of await findLinksByProduct(context.shop.domain, productId)) {
    if (!current.has(link.variantId) && link.state !== "deactivated") await deactivateLink(context, link);
  }
}

export async function deactivateProduct(context: CatalogueContext, productId: string): Promise<void> {
  for (const link of await findLinksByProduct(context.shop.domain, productId)) {
    if (link.state !== "deactivated") await deactivateLink(context, link);
  }
}

export function productUpsertHandler(overrides: CatalogueContextOverrides = {}) {
  return async (job: JobContext) => {
    const productId = productGidFromWebhook(job.payload);
    const context = await catalogueContext(job.shop, overrides);
    if (context) await syncProduct(context, productId);
  };
}

export function productDeleteHandler(overrides: CatalogueContextOverrides = {}) {
  return async (job: JobContext) => {
    const productId = productGidFromWebhook(job.payload);
    const context = await catalogueContext(job.shop, overrides);
    if (context) await deactivateProduct(context, productId);
  };
}

export const handleProductUpsert = productUpsertHandler();
export const handleProductDelete = productDeleteHandler();
