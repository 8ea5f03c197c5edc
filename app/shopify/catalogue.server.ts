/**
 * The Admin GraphQL operations catalogue sync uses: read a product's variants, page through every
 * variant of the shop, and stock an inventory item at the Onflow location.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { CatalogueVariant } from "~/sync/catalogue/catalogue-variant";
import { assertNoUserErrors, type ShopifyAdmin } from "./admin.server";

const weightSchema = z.object({ unit: z.enum(["GRAMS", "KILOGRAMS", "OUNCES", "POUNDS"]), value: z.number() }).nullish();

const inventoryItemSchema = z
  .object({ id: z.string(), requiresShipping: z.boolean().nullish(), measurement: z.object({ weight: weightSchema }).nullish() })
  .nullish();

const variantFields = `
  id
  title
  sku
  barcode
  price
  inventoryItem { id requiresShipping measurement { weight { unit value } } }
`;

const variantNodeSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: z.string().nullish(),
  barcode: z.string().nullish(),
  price: z.union([z.string(), z.number()]).nullish(),
  inventoryItem: inventoryItemSchema,
});

function toCatalogueVariant(product: { id: string; title: string }, node: z.output<typeof variantNodeSchema>, currencyCode: string): CatalogueVariant {
  const weight = node.inventoryItem?.measurement?.weight;
  return {
    productId: product.id,
    productTitle: product.title,
    variantId: node.id,
    variantTitle: node.title,
    sku: node.sku ?? null,
    barcode: node.barcode ?? null,
    price: node.price == null ? null : { amount: String(node.price), currencyCode },
    inventoryItemId: node.inventoryItem?.id ?? null,
    requiresShipping: node.inventoryItem?.requiresShipping ?? true,
    weight: weight ? { unit: weight.unit, value: weight.value } : null,
  };
}

/**
 * Shopify allows up to 2,048 variants per product. 100 keeps one page well under the 1,000-point
 * single-query cost limit (each variant costs its node, inventory item and measurement).
 */
const PRODUCT_VARIANTS_PAGE = 100;

const productQuery = `#graphql
  query CatalogueProduct($id: ID!, $first: Int!, $after: String) {
    shop { currencyCode }
    product(id: $id) {
      id
      title
      variants(first: $first, after: $after) {
        nodes { ${variantFields} }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });

const shopCurrencySchema = z.object({ currencyCode: z.string() });

const productResponseSchema = z.object({
  shop: shopCurrencySchema,
  product: z
    .object({
      id: z.string(),
      title: z.string(),
      variants: z.object({ nodes: z.array(variantNodeSchema), pageInfo: pageInfoSchema }),
    })
    .nullish(),
});

/** The product's current variants, or null when it no longer exists. */
export async function readProductVariants(admin: ShopifyAdmin, productId: string): Promise<CatalogueVariant[] | null> {
  const variants: CatalogueVariant[] = [];
  let after: string | null = null;
  for (;;) {
    const data = productResponseSchema.parse(await admin.graphql(productQuery, { id: productId, first: PRODUCT_VARIANTS_PAGE, after }));
    if (!data.product) return null;
    const product = data.product;
    variants.push(...product.variants.nodes.map((node) => toCatalogueVariant(product, node, data.shop.currencyCode)));
    if (!product.variants.pageInfo.hasNextPage || !product.variants.pageInfo.endCursor) return variants;
    after = product.variants.pageInfo.endCursor;
  }
}

const variantPageQuery = `#graphql
  query CatalogueVariantPage($first: Int!, $after: String) {
    shop { currencyCode }
    productVariants(first: $first, after: $after) {
      nodes { ${variantFields} product { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const variantPageSchema = z.object({
  shop: shopCurrencySchema,
  productVariants: z.object({
    nodes: z.array(variantNodeSchema.extend({ product: z.object({ id: z.string(), title: z.string() }) })),
    pageInfo: pageInfoSchema,
  }),
});

export interface VariantPage {
  variants: CatalogueVariant[];
  nextCursor: string | null;
}

export async function readVariantPage(admin: ShopifyAdmin, after: string | null, pageSize: number): Promise<VariantPage> {
  const data = variantPageSchema.parse(await admin.graphql(variantPageQuery, { first: pageSize, after }));
  const { nodes, pageInfo } = data.productVariants;
  return {
    variants: nodes.map((node) => toCatalogueVariant(node.product, node, data.shop.currencyCode)),
    nextCursor: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null,
  };
}

const activateMutation = `#graphql
  mutation StockAtOnflow($inventoryItemId: ID!, $locationId: ID!, $idempotencyKey: String!) {
    inventoryActivate(inventoryItemId: $inventoryItemId, locationId: $locationId) @idempotent(key: $idempotencyKey) {
      inventoryLevel { id }
      userErrors { field message }
    }
  }`;

const activateResponseSchema = z.object({
  inventoryActivate: z
    .object({
      inventoryLevel: z.object({ id: z.string() }).nullish(),
      userErrors: z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() })),
    })
    .nullish(),
});

/**
 * The same item and location always send the same key, so a retried activation is one activation
 * to Shopify. Shopify wants the key shaped like a UUID.
 */
export function activationKey(inventoryItemId: string, locationId: string): string {
  const hex = createHash("sha256").update(`inventoryActivate:${inventoryItemId}:${locationId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Stocks the item at the Onflow location with zero on hand; the stock sync writes real counts. */
export async function stockAtLocation(admin: ShopifyAdmin, inventoryItemId: string, locationId: string): Promise<void> {
  const data = activateResponseSchema.parse(
    await admin.graphql(activateMutation, { inventoryItemId, locationId, idempotencyKey: activationKey(inventoryItemId, locationId) }),
  );
  assertNoUserErrors("inventoryActivate", data.inventoryActivate);
}
