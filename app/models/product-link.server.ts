import type { ProductLink } from "@prisma/client";
import prisma from "~/db.server";

/**
 * pending → created (has an OASIN) → assigned (in the warehouse) → active (stocked at the Onflow
 * location in Shopify). skipped and failed carry a reason for the merchant; deactivated is the end.
 */
export type ProductLinkState = "pending" | "created" | "assigned" | "active" | "failed" | "skipped" | "deactivated";

export type { ProductLink };

export interface ProductLinkFields {
  productId: string;
  title: string;
  sku: string | null;
  inventoryItemId: string | null;
}

export async function findLinkByVariant(shop: string, variantId: string) {
  return prisma.productLink.findUnique({ where: { shop_variantId: { shop, variantId } } });
}

export async function findLinksByProduct(shop: string, productId: string) {
  return prisma.productLink.findMany({ where: { shop, productId }, orderBy: { createdAt: "asc" } });
}

/** Another live variant of the shop that already claims this SKU. */
export async function findOtherLinkWithSku(shop: string, sku: string, variantId: string) {
  return prisma.productLink.findFirst({
    where: { shop, sku, variantId: { not: variantId }, state: { not: "deactivated" } },
    orderBy: { createdAt: "asc" },
  });
}

export async function findLinkByOasin(shop: string, oasin: string) {
  return prisma.productLink.findFirst({ where: { shop, oasin, state: { not: "deactivated" } } });
}

/** Records what Shopify says about the variant, keeping our progress with Onflow. */
export async function saveVariantFacts(shop: string, variantId: string, fields: ProductLinkFields, initialState: ProductLinkState) {
  return prisma.productLink.upsert({
    where: { shop_variantId: { shop, variantId } },
    create: { shop, variantId, ...fields, state: initialState },
    update: fields,
  });
}

export interface LinkProgress {
  state?: ProductLinkState;
  oasin?: string | null;
  sku?: string | null;
  reason?: string | null;
  stockedAt?: Date | null;
  countAttempt?: boolean;
}

export async function recordLinkProgress(id: string, progress: LinkProgress) {
  const { countAttempt, ...fields } = progress;
  return prisma.productLink.update({
    where: { id },
    data: { ...fields, attempts: countAttempt ? { increment: 1 } : undefined },
  });
}

/** Counts per state, for the dashboard. */
export async function countLinksByState(shop: string): Promise<Partial<Record<ProductLinkState, number>>> {
  const groups = await prisma.productLink.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.state, group._count._all]));
}

/** Variants the merchant has to act on, with the reason. */
export async function linksNeedingAttention(shop: string, take = 100) {
  return prisma.productLink.findMany({
    where: { shop, state: { in: ["failed", "skipped"] } },
    orderBy: { updatedAt: "desc" },
    take,
  });
}
