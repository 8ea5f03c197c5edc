import { DEFAULT_ONFLOW_PAGE_SIZE } from "~/onflow/endpoints";
import type { OnflowGateway, StockLine } from "~/onflow/gateway";

/**
 * Every page of Get Stock for one warehouse, or for one product in it. The `oasin` filter is
 * inferred and may be ignored by Onflow, so callers still pick their product's lines themselves.
 */
export async function readOnflowStock(onflow: OnflowGateway, warehouseCode: string, oasin?: string): Promise<StockLine[]> {
  const lines: StockLine[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await onflow.listStock({ page, pageSize: DEFAULT_ONFLOW_PAGE_SIZE, warehouseCode, oasin });
    lines.push(...items);
    if (items.length < DEFAULT_ONFLOW_PAGE_SIZE || page * DEFAULT_ONFLOW_PAGE_SIZE >= total) return lines;
  }
}
