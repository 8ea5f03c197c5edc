import { APP_URL } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.settings";
import { connectOnflow, installShop } from "../factories/shop";
import { embeddedPageRequest, GOOD_TOKEN, sessionTokenRequest, startAdminFixture, thrownBy, type AdminFixture } from "./admin-fixture";

const SHOP_A = "settings-a.myshopify.com";
const SHOP_B = "settings-b.myshopify.com";
let fixture: AdminFixture;

beforeAll(async () => {
  fixture = await startAdminFixture([SHOP_A, SHOP_B]);
});

afterAll(async () => {
  await fixture.close();
});

const shopRow = (domain: string) => prisma.shop.findUniqueOrThrow({ where: { domain } });

function formFor(fields: Record<string, string>) {
  return {
    environment: "custom",
    customBaseUrl: fixture.onflow.url,
    platform: "retail",
    stockIntervalMinutes: "15",
    autoSendOrders: "on",
    notifyCustomer: "on",
    ...fields,
  };
}

describe("settings page authentication", () => {
  it("answers an unauthenticated load or save without reading or changing the shop's settings", async () => {
    await connectOnflow(SHOP_A, { baseUrl: fixture.onflow.url, token: GOOD_TOKEN });
    const before = await shopRow(SHOP_A);

    const load = await thrownBy(() => loader({ request: new Request(new URL("/app/settings", APP_URL)), params: {}, context: {} }));
    expect(load).toBeInstanceOf(Response);
    expect(await (load as Response).text()).not.toContain(before.onflowWebhookKey);

    const forged = new Request(new URL("/app/settings", APP_URL), {
      method: "POST",
      headers: { authorization: "Bearer not-a-session-token" },
      body: new URLSearchParams({ intent: "rotate" }),
    });
    const save = await thrownBy(() => action({ request: forged, params: {}, context: {} }));
    expect(save).toBeInstanceOf(Response);
    expect((save as Response).status).toBeGreaterThanOrEqual(300);
    expect((await shopRow(SHOP_A)).onflowWebhookKey).toBe(before.onflowWebhookKey);
  });
});

describe("settings loader", () => {
  it("shows a shop its own connection, never another shop's, and never the token", async () => {
    await connectOnflow(SHOP_A, { baseUrl: fixture.onflow.url, token: GOOD_TOKEN, warehouseCode: "ONF_WH_HCM_Q7" });
    await connectOnflow(SHOP_B, { baseUrl: fixture.onflow.url, token: "other-shop-secret-token", warehouseCode: "ONF_WH_HN_GL" });
    const [rowA, rowB] = [await shopRow(SHOP_A), await shopRow(SHOP_B)];

    const data = await loader({ request: await embeddedPageRequest("settings-a", "/app/settings"), params: {}, context: {} });
    const json = JSON.stringify(data);

    expect(data.values.warehouseCode).toBe("ONF_WH_HCM_Q7");
    expect(data.tokenLast4).toBe(GOOD_TOKEN.slice(-4));
    expect(data.webhookUrl).toBe(new URL(`/onflow/webhooks/${rowA.onflowWebhookKey}`, APP_URL).href);
    expect(data.choices.warehouses.map((warehouse) => warehouse.code)).toContain("ONF_WH_HN_GL");
    expect(json).not.toContain(GOOD_TOKEN);
    expect(json).not.toContain(rowA.onflowTokenCipher!);
    expect(json).not.toContain(rowB.onflowWebhookKey);
    expect(json).not.toContain("other-shop-secret-token");
  });

  it("starts a shop that has no token yet on staging while this server has no Onflow production address", async () => {
    await prisma.shop.update({ where: { domain: SHOP_B }, data: { onflowTokenCipher: null, onflowEnvironment: "production" } });
    const data = await loader({ request: await embeddedPageRequest("settings-b", "/app/settings"), params: {}, context: {} });
    expect(data.productionAvailable).toBe(false);
    expect(data.values.environment).toBe("staging");
  });
});

describe("settings action", () => {
  it("reports a bad token beside the token field, keeps what was typed, and saves nothing", async () => {
    const before = await shopRow(SHOP_B);
    const request = await sessionTokenRequest(
      "settings-b",
      "/app/settings",
      formFor({ intent: "save", token: "wrong-token-9999", platform: "tiki", stockIntervalMinutes: "45", warehouseCode: "ONF_WH_DN_HC" }),
    );
    const result = await action({ request, params: {}, context: {} });

    expect(result).toMatchObject({ intent: "save", ok: false });
    if (result.intent !== "save" || result.ok) throw new Error("expected a failed save");
    expect(result.fieldErrors.token).toMatch(/did not accept this access token/);
    expect(result.values).toMatchObject({ platform: "tiki", stockIntervalMinutes: "45", warehouseCode: "ONF_WH_DN_HC", customBaseUrl: fixture.onflow.url });
    expect(JSON.stringify(result)).not.toContain("wrong-token-9999");
    const after = await shopRow(SHOP_B);
    expect(after.onflowTokenCipher).toBe(before.onflowTokenCipher);
    expect(after.onflowPlatform).toBe(before.onflowPlatform);
  });

  it("says plainly when Onflow cannot be reached", async () => {
    const request = await sessionTokenRequest("settings-b", "/app/settings", formFor({ intent: "test", token: GOOD_TOKEN, customBaseUrl: "http://127.0.0.1:9" }));
    const result = await action({ request, params: {}, context: {} });
    expect(result).toMatchObject({ intent: "test", ok: false, message: expect.stringMatching(/Could not reach Onflow at http:\/\/127\.0\.0\.1:9/) });
  });

  it("rejects values outside the schema inline, field by field", async () => {
    const request = await sessionTokenRequest("settings-b", "/app/settings", formFor({ intent: "save", stockIntervalMinutes: "2", customBaseUrl: "not a url" }));
    const result = await action({ request, params: {}, context: {} });
    if (result.intent !== "save" || result.ok) throw new Error("expected a failed save");
    expect(result.fieldErrors).toMatchObject({ stockIntervalMinutes: "At least 5 minutes", customBaseUrl: expect.stringMatching(/full base URL/) });
    expect(result.values.stockIntervalMinutes).toBe("2");
  });

  it("first save with a warehouse registers the Onflow fulfillment service once and queues the catalogue backfill", async () => {
    const shop = "settings-first.myshopify.com";
    fixture.shopify.addShop(shop, { accessToken: "shpat_first" });
    await installShop(shop, "shpat_first");

    const test = await action({ request: await sessionTokenRequest("settings-first", "/app/settings", formFor({ intent: "test", token: GOOD_TOKEN })), params: {}, context: {} });
    if (test.intent !== "test" || !test.ok) throw new Error(`connection test failed: ${JSON.stringify(test)}`);
    const brand = test.brands[0]!;

    for (let i = 0; i < 2; i++) {
      const save = await action({
        request: await sessionTokenRequest("settings-first", "/app/settings", formFor({ intent: "save", token: GOOD_TOKEN, warehouseCode: "ONF_WH_HN_GL", brandId: String(brand.id), stockIntervalMinutes: "60" })),
        params: {},
        context: {},
      });
      expect(save).toMatchObject({ intent: "save", ok: true });
    }

    const row = await shopRow(shop);
    expect(row).toMatchObject({ warehouseCode: "ONF_WH_HN_GL", warehouseName: "Kho Gia Lâm", brandId: brand.id, brandName: brand.name, stockIntervalMinutes: 60, onflowTokenLast4: GOOD_TOKEN.slice(-4) });
    expect(row.onflowTokenCipher).not.toContain(GOOD_TOKEN);
    const created = fixture.shopify.mutations({ shop, name: "fulfillmentServiceCreate" });
    expect(created).toHaveLength(1);
    expect(fixture.shopify.state(shop).fulfillmentServices).toEqual([expect.objectContaining({ id: row.fulfillmentServiceId })]);
    expect(row.locationId).toMatch(/^gid:\/\/shopify\/Location\//);
    expect(await prisma.job.findMany({ where: { shop, topic: "INTERNAL_CATALOGUE_BACKFILL" } })).toHaveLength(1);
  });

  it("rotates the webhook URL so the old one stops working", async () => {
    const before = await shopRow(SHOP_A);
    const result = await action({ request: await sessionTokenRequest("settings-a", "/app/settings", { intent: "rotate" }), params: {}, context: {} });
    const after = await shopRow(SHOP_A);
    expect(after.onflowWebhookKey).not.toBe(before.onflowWebhookKey);
    expect(result).toEqual({ intent: "rotate", ok: true, webhookUrl: new URL(`/onflow/webhooks/${after.onflowWebhookKey}`, APP_URL).href });
  });
});
