import type { StockLine } from "~/onflow/gateway";
import type { StockLevel } from "~/onflow/statuses";

/**
 * The one decision about which Onflow stock Shopify may sell: only grade "A" (good stock).
 * D1/D2/D3 are damaged grades and L is stock Onflow holds back, so none of them is ever offered
 * to a buyer. Every grade-A line of a product in the shop's warehouse is added up.
 */
export const SELLABLE_STOCK_LEVELS: ReadonlySet<StockLevel> = new Set(["A"]);

export function isSellable(level: StockLevel): boolean {
  return SELLABLE_STOCK_LEVELS.has(level.toUpperCase());
}

/** Sellable quantity per OASIN in one warehouse; OASINs seen only with unsellable grades map to 0. */
export function sellableQuantities(lines: readonly StockLine[], warehouseCode: string): Map<string, number> {
  const byOasin = new Map<string, number>();
  for (const line of lines) {
    if (line.warehouseCode !== warehouseCode) continue;
    const counted = isSellable(line.stockLevel) ? Math.max(0, Math.trunc(line.quantity)) : 0;
    byOasin.set(line.oasin, (byOasin.get(line.oasin) ?? 0) + counted);
  }
  return byOasin;
}
