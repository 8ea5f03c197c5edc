import { describe, expect, it } from "vitest";
import { isSellable, sellableQuantities } from "~/sync/stock/sellable-quantity";

const line = (oasin: string, stockLevel: string, quantity: number, warehouseCode = "WH1") => ({ oasin, sku: null, warehouseCode, stockLevel, quantity });

describe("sellable quantity", () => {
  it("counts good grade A stock only; damaged D1–D3 and L are not sold", () => {
    expect(["A", "D1", "D2", "D3", "L"].filter(isSellable)).toEqual(["A"]);
    const sellable = sellableQuantities([line("P1", "A", 10), line("P1", "D1", 3), line("P1", "L", 2), line("P2", "D3", 4)], "WH1");
    expect(Object.fromEntries(sellable)).toEqual({ P1: 10, P2: 0 });
  });

  it("adds grade-A lines of one product and ignores other warehouses and negative counts", () => {
    const sellable = sellableQuantities([line("P1", "A", 2), line("P1", "A", 3), line("P1", "A", 50, "WH2"), line("P2", "A", -1)], "WH1");
    expect(Object.fromEntries(sellable)).toEqual({ P1: 5, P2: 0 });
  });
});
