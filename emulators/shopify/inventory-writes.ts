import { isWritableQuantityName, readQuantity, writeQuantity } from "./inventory-quantities";
import type { InventoryLevel, Outcome, UserErrorShape } from "./model";
import { fail, succeed } from "./model";
import type { ShopStore } from "./shop-store";

// Shopify's accepted `reason` values for inventory changes.
const REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_canceled",
  "movement_created",
  "movement_received",
  "movement_updated",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

const MAX_QUANTITY = 1_000_000_000;

export interface QuantityToSet {
  inventoryItemId: number | undefined;
  locationId: number | undefined;
  quantity: number;
  /** null skips the compare-and-swap check, as Shopify allows when it is passed explicitly. */
  changeFromQuantity: number | null;
}

export interface InventoryChange {
  name: string;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: number;
  locationId: number;
}

export interface InventoryAdjustmentGroup {
  id: number;
  createdAt: Date;
  reason: string;
  referenceDocumentUri: string | null;
  changes: InventoryChange[];
}

/**
 * Sets absolute quantities all or nothing: if one quantity is refused, for example because its
 * changeFromQuantity is stale, nothing is written.
 */
export function setQuantities(
  store: ShopStore,
  input: { name: string; reason: string; referenceDocumentUri?: string | null; quantities: QuantityToSet[] },
): Outcome<InventoryAdjustmentGroup> {
  const { name } = input;
  if (!isWritableQuantityName(name)) return fail("The quantity name must be either 'available' or 'on_hand'.", ["input", "name"], "INVALID_NAME");
  if (!REASONS.has(input.reason)) return fail(`The reason '${input.reason}' is not valid.`, ["input", "reason"], "INVALID_REASON");
  if (input.referenceDocumentUri != null && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(input.referenceDocumentUri)) {
    return fail("The reference document URI is not a valid URI.", ["input", "referenceDocumentUri"], "INVALID_REFERENCE_DOCUMENT");
  }

  const errors: UserErrorShape[] = [];
  const writes: { level: InventoryLevel; quantity: number }[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of input.quantities.entries()) {
    const field = (leaf: string) => ["input", "quantities", String(index), leaf];
    const item = entry.inventoryItemId === undefined ? undefined : store.inventoryItems.get(entry.inventoryItemId);
    const location = entry.locationId === undefined ? undefined : store.locations.get(entry.locationId);
    if (!item) {
      errors.push({ field: field("inventoryItemId"), message: "The specified inventory item could not be found.", code: "INVALID_INVENTORY_ITEM" });
      continue;
    }
    if (!location) {
      errors.push({ field: field("locationId"), message: "The specified location could not be found.", code: "INVALID_LOCATION" });
      continue;
    }
    const key = `${item.id}@${location.id}`;
    if (seen.has(key)) {
      errors.push({ field: field("inventoryItemId"), message: "The same inventory item and location appear twice.", code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR" });
      continue;
    }
    seen.add(key);
    const level = store.inventoryLevel(item.id, location.id);
    if (!level) {
      errors.push({ field: field("locationId"), message: "The inventory item is not stocked at the location.", code: "ITEM_NOT_STOCKED_AT_LOCATION" });
      continue;
    }
    if (entry.quantity < 0) {
      errors.push({ field: field("quantity"), message: "The quantity can't be negative.", code: "INVALID_QUANTITY_NEGATIVE" });
      continue;
    }
    if (entry.quantity > MAX_QUANTITY) {
      errors.push({ field: field("quantity"), message: "The quantity can't be higher than 1,000,000,000.", code: "INVALID_QUANTITY_TOO_HIGH" });
      continue;
    }
    const current = readQuantity(level, name);
    if (entry.changeFromQuantity !== null && entry.changeFromQuantity !== current) {
      errors.push({
        field: field("changeFromQuantity"),
        message: `The changeFromQuantity (${entry.changeFromQuantity}) does not match the persisted ${name} quantity (${current}).`,
        code: "CHANGE_FROM_QUANTITY_STALE",
      });
      continue;
    }
    writes.push({ level, quantity: entry.quantity });
  }
  if (errors.length) return { ok: false, userErrors: errors };

  const now = new Date();
  const changes: InventoryChange[] = [];
  for (const { level, quantity } of writes) {
    const delta = writeQuantity(level, name, quantity, now);
    for (const changed of new Set(["available", name])) {
      changes.push({ name: changed, delta, quantityAfterChange: readQuantity(level, changed), inventoryItemId: level.inventoryItemId, locationId: level.locationId });
    }
  }
  return succeed({ id: store.newId(), createdAt: now, reason: input.reason, referenceDocumentUri: input.referenceDocumentUri ?? null, changes });
}

export function activateInventory(
  store: ShopStore,
  input: { inventoryItemId: number | undefined; locationId: number | undefined; available?: number | null; onHand?: number | null },
): Outcome<InventoryLevel> {
  const item = input.inventoryItemId === undefined ? undefined : store.inventoryItems.get(input.inventoryItemId);
  if (!item) return fail("Inventory item does not exist.", ["inventoryItemId"]);
  const location = input.locationId === undefined ? undefined : store.locations.get(input.locationId);
  if (!location) return fail("Location does not exist.", ["locationId"]);
  if (input.available != null && input.onHand != null) return fail("Only one of available or onHand can be given.", ["available"]);
  const now = new Date();
  const level = store.activateInventory(item.id, location.id, now);
  // From 2026-04, activating without quantities keeps what the level already had.
  if (input.available != null) writeQuantity(level, "available", input.available, now);
  if (input.onHand != null) writeQuantity(level, "on_hand", input.onHand, now);
  return succeed(level);
}
