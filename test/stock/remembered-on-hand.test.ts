import { describe, expect, it } from "vitest";
import { rememberedOnHand, REVERIFY_AFTER_MS, REVERIFY_PER_RUN, trustedOnHand } from "~/sync/stock/remembered-on-hand";

const now = new Date("2026-11-27T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const link = (id: number, shopifyOnHand: number | null, confirmedAgoMs: number | null, stockedAgoMs: number | null = null) => ({
  inventoryItemId: `gid://shopify/InventoryItem/${id}`,
  shopifyOnHand,
  shopifyOnHandAt: confirmedAgoMs === null ? null : ago(confirmedAgoMs),
  stockedAt: stockedAgoMs === null ? null : ago(stockedAgoMs),
});

describe("trustedOnHand", () => {
  it("trusts a remembered value unless there is none or the item was stocked again after it was confirmed", () => {
    expect(trustedOnHand(link(1, 5, 1000, 5000))).toBe(5);
    expect(trustedOnHand(link(1, 5, 5000, 1000))).toBeNull();
    expect(trustedOnHand(link(1, null, null))).toBeNull();
  });
});

describe("rememberedOnHand", () => {
  it("knows fresh memories and sends the oldest memories past the age limit to be read, a slice per run", () => {
    const fresh = link(1, 3, 60_000);
    const stale = Array.from({ length: REVERIFY_PER_RUN + 1 }, (_, index) => link(100 + index, 7, REVERIFY_AFTER_MS + index * 1000));
    const { known, toVerify } = rememberedOnHand([fresh, ...stale, link(2, null, null)], now, { verifyAll: false });
    expect(known.get(fresh.inventoryItemId)).toBe(3);
    expect(toVerify).toHaveLength(REVERIFY_PER_RUN);
    expect(toVerify[0]).toBe(stale.at(-1)!.inventoryItemId);
    expect(toVerify).not.toContain(stale[0]!.inventoryItemId);
    expect(known.has(stale[0]!.inventoryItemId)).toBe(true);
    expect(known.has(toVerify[0]!)).toBe(false);
    expect(known.has("gid://shopify/InventoryItem/2")).toBe(false);
  });

  it("reads every item of a one-product refresh", () => {
    const { known, toVerify } = rememberedOnHand([link(1, 3, 60_000)], now, { verifyAll: true });
    expect(known.size).toBe(0);
    expect(toVerify).toEqual(["gid://shopify/InventoryItem/1"]);
  });
});
