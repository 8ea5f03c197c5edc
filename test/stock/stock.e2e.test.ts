import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../support/harness";
import { startHarness } from "../support/harness";
import { waitUntil } from "../support/wait-until";

let harness: Harness;

beforeAll(async () => {
  // No scheduled runs: this test is about the webhook path alone.
  harness = await startHarness({ appEnv: { SCHEDULER_TICK_MS: "3600000" } });
}, 180_000);

afterAll(() => harness?.stop());

async function onHand(inventoryItemId: string): Promise<number | undefined> {
  const level = (await harness.shopify.inventoryLevel(inventoryItemId, harness.locationId)) as { quantities: { name: string; quantity: number }[] } | null;
  return level?.quantities.find((quantity) => quantity.name === "on_hand")?.quantity;
}

async function onflowControl(path: string, body: unknown) {
  const response = await harness.onflow!.control(path, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

describe("stock through the running app", () => {
  it("writes stock Onflow reports in its Updated Stock webhook as on_hand at the Onflow location", async () => {
    const { product } = await harness.shopify.createProduct({ title: "Trà Ô Long", variants: [{ sku: "STOCK-E2E-1", price: "150000.00", weight: { unit: "GRAMS", value: 250 } }] });
    const inventoryItemId: string = product.variants.nodes[0].inventoryItem.id;
    const link = await waitUntil(
      "the variant to be linked to an Onflow product",
      () => harness.database.productLink.findFirst({ where: { shop: harness.shop, inventoryItemId, oasin: { not: null } } }).then((found) => found ?? undefined),
      60_000,
    );
    await harness.shopify.waitForMutation("inventoryActivate", (call) => call.arguments.inventoryItemId === inventoryItemId, 30_000);

    await onflowControl("/webhooks", { token: harness.onflow!.token, urls: [harness.onflowWebhookUrl] });
    await onflowControl("/stock", { token: harness.onflow!.token, oasin: link.oasin, warehouseCode: "ONF_WH_HCM_Q7", quantity: 17 });

    await waitUntil("on_hand to reach Onflow's count", async () => (await onHand(inventoryItemId)) === 17, 60_000, 200);
    const run = await harness.database.stockRun.findFirst({ where: { shop: harness.shop, trigger: "webhook", status: "succeeded" }, orderBy: { startedAt: "desc" } });
    expect(run).toMatchObject({ itemsRead: 1, itemsChanged: 1 });
  });
});
