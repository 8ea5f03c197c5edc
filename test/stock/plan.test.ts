import { describe, expect, it } from "vitest";
import { ASSUMED_ON_HAND, idempotencyKeyFor, inBatches, MAX_QUANTITIES_PER_WRITE, planStockWrites, restrictTo } from "~/sync/stock/plan";

const links = [
  { oasin: "OASIN1", inventoryItemId: "gid://shopify/InventoryItem/1" },
  { oasin: "OASIN2", inventoryItemId: "gid://shopify/InventoryItem/2" },
  { oasin: "OASIN3", inventoryItemId: "gid://shopify/InventoryItem/3" },
];

describe("planStockWrites", () => {
  it("writes only items whose on_hand differs, with the value read as changeFromQuantity", () => {
    const plan = planStockWrites({
      sellableByOasin: new Map([["OASIN1", 5], ["OASIN2", 7]]),
      links: links.slice(0, 2),
      onHandByItem: new Map([["gid://shopify/InventoryItem/1", 5], ["gid://shopify/InventoryItem/2", 3]]),
      absentMeansZero: true,
    });
    expect(plan.writes).toEqual([{ inventoryItemId: "gid://shopify/InventoryItem/2", quantity: 7, changeFromQuantity: 3 }]);
    expect(plan.unchanged).toBe(1);
  });

  it("sets a linked product Onflow no longer reports to 0 in a full run, and leaves it alone in a single-product refresh", () => {
    const input = {
      sellableByOasin: new Map([["OASIN1", 4]]),
      links,
      onHandByItem: new Map<string, number | null>([["gid://shopify/InventoryItem/1", 4], ["gid://shopify/InventoryItem/2", 2], ["gid://shopify/InventoryItem/3", 0]]),
    };
    expect(planStockWrites({ ...input, absentMeansZero: true }).writes).toEqual([{ inventoryItemId: "gid://shopify/InventoryItem/2", quantity: 0, changeFromQuantity: 2 }]);
    expect(planStockWrites({ ...input, absentMeansZero: false }).writes).toEqual([]);
  });

  it("lists OASINs nobody links to and items not stocked at the location, without writing them", () => {
    const plan = planStockWrites({
      sellableByOasin: new Map([["OASIN1", 1], ["OASIN9", 30], ["OASIN8", 0]]),
      links: links.slice(0, 1),
      onHandByItem: new Map([["gid://shopify/InventoryItem/1", null]]),
      absentMeansZero: true,
    });
    expect(plan.unlinkedOasins).toEqual(["OASIN8", "OASIN9"]);
    expect(plan.notStocked).toEqual(["gid://shopify/InventoryItem/1"]);
    expect(plan.writes).toEqual([]);
  });
});

describe("restrictTo", () => {
  it("keeps only the refreshed products, at 0 when Onflow no longer lists them", () => {
    expect(Object.fromEntries(restrictTo(new Map([["OASIN1", 4], ["OASIN2", 9]]), ["OASIN1", "OASIN3"]))).toEqual({ OASIN1: 4, OASIN3: 0 });
  });
});

describe("inBatches", () => {
  it("never puts more than 250 quantities in one write", () => {
    const batches = inBatches(Array.from({ length: 501 }, (_, index) => index));
    expect(batches.map((batch) => batch.length)).toEqual([MAX_QUANTITIES_PER_WRITE, MAX_QUANTITIES_PER_WRITE, 1]);
    expect(batches.flat()).toHaveLength(501);
  });
});

describe("idempotencyKeyFor", () => {
  it("is stable for a resend and different for another batch or a re-read round", () => {
    expect(idempotencyKeyFor("run1", 0, 0)).toBe(idempotencyKeyFor("run1", 0, 0));
    expect(new Set([idempotencyKeyFor("run1", 0, 0), idempotencyKeyFor("run1", 1, 0), idempotencyKeyFor("run1", 0, 1), idempotencyKeyFor("run2", 0, 0)]).size).toBe(4);
  });
});

describe("planStockWrites for items with no known on_hand", () => {
  it("writes from the assumed 0 when Onflow has stock, and asks for a read when Onflow has none", () => {
    const plan = planStockWrites({
      sellableByOasin: new Map([["OASIN1", 6], ["OASIN2", 0]]),
      links: links.slice(0, 2),
      onHandByItem: new Map(),
      absentMeansZero: true,
    });
    expect(plan.writes).toEqual([{ inventoryItemId: "gid://shopify/InventoryItem/1", quantity: 6, changeFromQuantity: ASSUMED_ON_HAND }]);
    expect(plan.toRead).toEqual(["gid://shopify/InventoryItem/2"]);
    expect(plan.unchanged).toBe(0);
  });
});
