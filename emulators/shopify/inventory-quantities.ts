import type { InventoryLevel, QuantityName, StoredQuantityName } from "./model";

// Shopify's inventory states: on_hand = available + committed + unavailable (reserved, damaged,
// safety_stock, quality_control). `incoming` is not on hand yet.
const ON_HAND_PARTS: StoredQuantityName[] = ["available", "committed", "reserved", "damaged", "safety_stock", "quality_control"];

export const WRITABLE_QUANTITY_NAMES = ["available", "on_hand"] as const;
export type WritableQuantityName = (typeof WRITABLE_QUANTITY_NAMES)[number];

export function isWritableQuantityName(name: string): name is WritableQuantityName {
  return (WRITABLE_QUANTITY_NAMES as readonly string[]).includes(name);
}

export function readQuantity(level: InventoryLevel, name: QuantityName | string): number {
  if (name === "on_hand") return ON_HAND_PARTS.reduce((sum, part) => sum + level.quantities[part], 0);
  return level.quantities[name as StoredQuantityName] ?? 0;
}

/** Writing on_hand moves the difference into available, which is what Shopify does. */
export function writeQuantity(level: InventoryLevel, name: WritableQuantityName, value: number, at: Date): number {
  const before = readQuantity(level, name);
  level.quantities.available += value - before;
  level.updatedAt = at;
  return value - before;
}

/** An order commits stock; a fulfillment then takes it out of committed and on_hand together. */
export function commit(level: InventoryLevel, quantity: number, at: Date): void {
  level.quantities.available -= quantity;
  level.quantities.committed += quantity;
  level.updatedAt = at;
}

export function releaseCommitted(level: InventoryLevel, quantity: number, at: Date): void {
  level.quantities.committed -= quantity;
  level.quantities.available += quantity;
  level.updatedAt = at;
}

export function shipCommitted(level: InventoryLevel, quantity: number, at: Date): void {
  level.quantities.committed -= quantity;
  level.updatedAt = at;
}
