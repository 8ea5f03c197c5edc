import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningShopifyStandin } from "../../emulators/shopify";
import { startShopifyStandin } from "../../emulators/shopify";
import { adminGraphqlClient } from "../support/admin-graphql-client";

const SHOP = "stock.myshopify.com";

const SET_ON_HAND = `
  mutation SetOnHand($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { reason referenceDocumentUri changes(quantityNames: ["on_hand"]) { name delta quantityAfterChange } }
      userErrors { code field message }
    }
  }`;

let standin: RunningShopifyStandin;
let graphql: ReturnType<typeof adminGraphqlClient>;
let inventoryItemId: string;
let locationId: string;

beforeEach(async () => {
  standin = await startShopifyStandin();
  const { access_token } = standin.addShop(SHOP);
  graphql = adminGraphqlClient(standin.url, SHOP, access_token);
  locationId = standin.createFulfillmentService(SHOP, { name: "Onflow" }).locationId;
  const { product } = await standin.createProduct(SHOP, { title: "Nón lá", variants: [{ sku: "NON-1", inventory: [{ locationId, available: 10 }] }] });
  inventoryItemId = product.variants.nodes[0].inventoryItem.id;
});

afterEach(() => standin.close());

const onHandInput = (quantity: number, changeFromQuantity: number | null) => ({
  name: "on_hand",
  reason: "correction",
  referenceDocumentUri: "gid://onflow-connector/StockSync/run-1",
  quantities: [{ inventoryItemId, locationId, quantity, changeFromQuantity }],
});

const onHand = () => standin.inventoryLevel(SHOP, inventoryItemId, locationId).quantities.find((q: { name: string }) => q.name === "on_hand").quantity;

describe("inventorySetQuantities compare-and-swap", () => {
  it("writes on_hand when changeFromQuantity matches, and available follows", async () => {
    const response = await graphql(SET_ON_HAND, { input: onHandInput(7, 10), key: "k-1" });

    expect(response.data?.inventorySetQuantities.userErrors).toEqual([]);
    expect(response.data?.inventorySetQuantities.inventoryAdjustmentGroup.changes).toEqual([{ name: "on_hand", delta: -3, quantityAfterChange: 7 }]);
    const quantities = standin.inventoryLevel(SHOP, inventoryItemId, locationId).quantities;
    expect(quantities).toEqual(expect.arrayContaining([{ name: "on_hand", quantity: 7 }, { name: "available", quantity: 7 }]));
  });

  it("answers CHANGE_FROM_QUANTITY_STALE and writes nothing when changeFromQuantity is stale", async () => {
    const response = await graphql(SET_ON_HAND, { input: onHandInput(7, 9), key: "k-2" });

    expect(response.data?.inventorySetQuantities).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [{ code: "CHANGE_FROM_QUANTITY_STALE", field: ["input", "quantities", "0", "changeFromQuantity"], message: expect.any(String) }],
    });
    expect(onHand()).toBe(10);
  });

  it("skips the check only when changeFromQuantity is an explicit null, and refuses an omitted one", async () => {
    const skipped = await graphql(SET_ON_HAND, { input: onHandInput(4, null), key: "k-3" });
    expect(skipped.data?.inventorySetQuantities.userErrors).toEqual([]);
    expect(onHand()).toBe(4);

    const { changeFromQuantity: _omitted, ...withoutChangeFrom } = onHandInput(2, 4).quantities[0];
    const omitted = await graphql(SET_ON_HAND, { input: { ...onHandInput(2, 4), quantities: [withoutChangeFrom] }, key: "k-4" });
    expect(omitted.errors?.[0].message).toMatch(/changeFromQuantity is required/);
    expect(onHand()).toBe(4);
  });
});

describe("inventorySetQuantities idempotency", () => {
  it("applies the same key and input once and returns the first result again", async () => {
    const first = await graphql(SET_ON_HAND, { input: onHandInput(7, 10), key: "same-key" });
    const second = await graphql(SET_ON_HAND, { input: onHandInput(7, 10), key: "same-key" });

    expect(second.data).toEqual(first.data);
    expect(onHand()).toBe(7);
    expect(standin.mutations({ name: "inventorySetQuantities" }).map((entry) => entry.replayed)).toEqual([false, true]);
  });

  it("refuses the same key with different input", async () => {
    await graphql(SET_ON_HAND, { input: onHandInput(7, 10), key: "reused" });
    const reused = await graphql(SET_ON_HAND, { input: onHandInput(5, 7), key: "reused" });

    expect(reused.data?.inventorySetQuantities.userErrors[0].code).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    expect(onHand()).toBe(7);
  });

  it("errors without an @idempotent key, as API 2026-04 and later do", async () => {
    const response = await graphql(
      `mutation ($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code message } } }`,
      { input: onHandInput(7, 10) },
    );

    expect(response.errors?.[0].message).toMatch(/@idempotent directive with a key is required/);
    expect(response.data?.inventorySetQuantities).toBeNull();
    expect(onHand()).toBe(10);
  });

  it("rejects `available`-only names it does not know and unknown reasons with their codes", async () => {
    const badName = await graphql(SET_ON_HAND, { input: { ...onHandInput(7, 10), name: "committed" }, key: "k-5" });
    const badReason = await graphql(SET_ON_HAND, { input: { ...onHandInput(7, 10), reason: "because" }, key: "k-6" });

    expect(badName.data?.inventorySetQuantities.userErrors[0].code).toBe("INVALID_NAME");
    expect(badReason.data?.inventorySetQuantities.userErrors[0].code).toBe("INVALID_REASON");
  });
});
