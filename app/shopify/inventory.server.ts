/**
 * The Admin GraphQL operations the stock sync uses: read on_hand at one location, and set it with
 * compare-and-swap and an idempotency key (both mandatory on inventory writes from 2026-04).
 */
import { z } from "zod";
import type { ShopifyAdmin } from "./admin.server";
import { ShopifyUserError } from "./admin.server";

/**
 * Items per read. Each aliased item costs a few points, so 100 keeps one query well under the
 * 1,000-point ceiling of a single request.
 */
export const ON_HAND_READ_CHUNK = 100;

const quantitiesSchema = z.looseObject({
  inventoryLevel: z
    .looseObject({ quantities: z.array(z.looseObject({ name: z.string(), quantity: z.number() })) })
    .nullable(),
});

/** on_hand per inventory item at the location; null when the item is not stocked there (or unknown). */
export async function readOnHand(admin: ShopifyAdmin, locationId: string, inventoryItemIds: readonly string[]): Promise<Map<string, number | null>> {
  const onHand = new Map<string, number | null>();
  for (let start = 0; start < inventoryItemIds.length; start += ON_HAND_READ_CHUNK) {
    const chunk = inventoryItemIds.slice(start, start + ON_HAND_READ_CHUNK);
    const variables: Record<string, string> = { locationId };
    const fields = chunk.map((id, index) => {
      variables[`id${index}`] = id;
      return `item${index}: inventoryItem(id: $id${index}) { inventoryLevel(locationId: $locationId) { quantities(names: ["on_hand"]) { name quantity } } }`;
    });
    const declarations = chunk.map((_, index) => `$id${index}: ID!`).join(", ");
    const query = `query StockOnHand($locationId: ID!, ${declarations}) { ${fields.join(" ")} }`;
    const data = await admin.graphql<Record<string, unknown>>(query, variables);
    chunk.forEach((id, index) => {
      const parsed = quantitiesSchema.nullable().parse(data[`item${index}`] ?? null);
      const quantity = parsed?.inventoryLevel?.quantities.find((entry) => entry.name === "on_hand")?.quantity;
      onHand.set(id, quantity ?? null);
    });
  }
  return onHand;
}

const SET_QUANTITIES = `#graphql
  mutation StockSetOnHand($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id }
      userErrors { field message code }
    }
  }`;

const setQuantitiesSchema = z.looseObject({
  inventorySetQuantities: z
    .looseObject({
      inventoryAdjustmentGroup: z.looseObject({ id: z.string() }).nullable().optional(),
      userErrors: z.array(z.looseObject({ field: z.array(z.string()).nullable().optional(), message: z.string(), code: z.string().nullable().optional() })),
    })
    .nullable(),
});

export interface OnHandWrite {
  inventoryItemId: string;
  quantity: number;
  changeFromQuantity: number;
}

export type SetOnHandOutcome = { applied: true } | { applied: false; staleItemIds: string[]; notStockedItemIds: string[] };

/** Refusals of one item that say it cannot hold stock at the location (no longer stocked there, or deleted). */
const NOT_STOCKED_CODES = new Set(["ITEM_NOT_STOCKED_AT_LOCATION", "INVALID_INVENTORY_ITEM"]);

/**
 * Shopify applies the batch all or nothing. When only compare-and-swap misses and items that are
 * not stocked refused it, those items are returned so the caller can re-read or drop them and
 * resend the rest; any other refusal is thrown.
 */
export async function setOnHand(
  admin: ShopifyAdmin,
  request: { locationId: string; referenceDocumentUri: string; idempotencyKey: string; writes: readonly OnHandWrite[] },
): Promise<SetOnHandOutcome> {
  const data = setQuantitiesSchema.parse(
    await admin.graphql(SET_QUANTITIES, {
      key: request.idempotencyKey,
      input: {
        name: "on_hand",
        reason: "correction",
        referenceDocumentUri: request.referenceDocumentUri,
        quantities: request.writes.map((write) => ({ ...write, locationId: request.locationId })),
      },
    }),
  );
  const userErrors = data.inventorySetQuantities?.userErrors ?? [];
  if (userErrors.length === 0) return { applied: true };
  const itemsWith = (codes: (code: string | null | undefined) => boolean) =>
    userErrors
      .filter((error) => codes(error.code))
      .map((error) => request.writes[quantityIndex(error.field)]?.inventoryItemId)
      .filter((id): id is string => id !== undefined);
  const staleItemIds = itemsWith((code) => code === "CHANGE_FROM_QUANTITY_STALE");
  const notStockedItemIds = itemsWith((code) => NOT_STOCKED_CODES.has(code ?? ""));
  const understood = userErrors.filter((error) => error.code === "CHANGE_FROM_QUANTITY_STALE" || NOT_STOCKED_CODES.has(error.code ?? ""));
  if (understood.length < userErrors.length) throw new ShopifyUserError("inventorySetQuantities", userErrors);
  return { applied: false, staleItemIds, notStockedItemIds };
}

/** ["input", "quantities", "3", "changeFromQuantity"] → 3. */
function quantityIndex(field: readonly string[] | null | undefined): number {
  const at = field?.indexOf("quantities") ?? -1;
  return at >= 0 && field ? Number(field[at + 1]) : -1;
}
