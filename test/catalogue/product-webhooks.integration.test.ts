import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookDelivery } from "../../emulators/shopify";
import prisma from "~/db.server";
import { AWAITING_LOCATION_REASON } from "~/sync/catalogue/sync-variant.server";
import { NO_SKU_REASON } from "~/sync/catalogue/variant-eligibility";
import { BRAND_ID, deliverShopifyWebhook, drain, linksOf, newWorker, onflowProducts, startCatalogueFixture, WAREHOUSE, type CatalogueFixture } from "./catalogue-fixture";

const SHOP = "catalogue-shop.myshopify.com";
let fixture: CatalogueFixture;

beforeAll(async () => {
  fixture = await startCatalogueFixture({ shop: SHOP, token: "catalogue-token" });
});

afterAll(async () => {
  await fixture.close();
});

/** Shopify's delivery, stored in the inbox the way the webhook route stores it. */
async function deliver(delivery: WebhookDelivery, times = 1) {
  const topic = delivery.topic.toUpperCase().replace(/\W/g, "_");
  for (let i = 0; i < times; i++) await deliverShopifyWebhook(SHOP, topic, delivery.body);
}

function only(deliveries: WebhookDelivery[], topic: string): WebhookDelivery {
  const found = deliveries.filter((delivery) => delivery.topic === topic);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const requestsTo = async (endpoint: string) => (await fixture.onflow.control.requests()).filter((request) => request.endpoint === endpoint);

async function productBySku(sku: string) {
  return (await onflowProducts(fixture)).filter((product) => product.sku === sku);
}

describe("products/create", () => {
  it("makes one Onflow product, assigned and stocked at the Onflow location, however often it is delivered", async () => {
    const { product, deliveries } = await fixture.shopify.createProduct(SHOP, {
      title: "Áo dài lụa tơ tằm",
      variants: [{ title: "Đỏ / M", sku: "AODAI-DO-M", barcode: "8930000000017", price: "1250000.00", weight: { unit: "KILOGRAMS", value: 0.45 } }],
    });
    await deliver(only(deliveries, "products/create"), 3);
    await drain(newWorker());

    const atOnflow = await productBySku("AODAI-DO-M");
    expect(atOnflow).toHaveLength(1);
    expect(atOnflow[0]).toMatchObject({ name: "Áo dài lụa tơ tằm – Đỏ / M", status: "ACTIVE", weightGrams: 450, priceVnd: 1250000, barcodes: ["8930000000017"], brand: { id: BRAND_ID } });
    expect(await requestsTo("createProduct")).toHaveLength(1);

    const [link] = (await linksOf(SHOP)).filter((candidate) => candidate.productId === product.id);
    expect(link).toMatchObject({ sku: "AODAI-DO-M", oasin: atOnflow[0]!.oasin, state: "active", reason: null });
    expect(fixture.shopify.inventoryLevel(SHOP, link!.inventoryItemId!, fixture.locationId)).not.toBeNull();
    expect(fixture.shopify.mutations({ shop: SHOP, name: "inventoryActivate" }).length).toBeGreaterThanOrEqual(1);
  });

  it("links a SKU the merchant already has at Onflow instead of creating it again", async () => {
    const [seeded] = await fixture.onflow.control.seedCatalogue([{ sku: "TEA-OOLONG-250", name: "Trà Ô Long", warehouseCode: WAREHOUSE }], fixture.token);
    await fixture.onflow.control.clearRequests();
    const { deliveries } = await fixture.shopify.createProduct(SHOP, { title: "Trà Ô Long túi 250g", variants: [{ sku: "TEA-OOLONG-250", price: "145000" }] });
    await deliver(only(deliveries, "products/create"));
    await drain(newWorker());

    expect(await requestsTo("createProduct")).toHaveLength(0);
    expect(await productBySku("TEA-OOLONG-250")).toHaveLength(1);
    const link = (await linksOf(SHOP)).find((candidate) => candidate.sku === "TEA-OOLONG-250");
    expect(link).toMatchObject({ oasin: seeded!.oasin, state: "active" });
  });

  it("reports variants without a SKU or sharing one, and sends none of them", async () => {
    await fixture.onflow.control.clearRequests();
    const { product, deliveries } = await fixture.shopify.createProduct(SHOP, {
      title: "Nón lá",
      variants: [
        { title: "Trắng", sku: null },
        { title: "Xanh", sku: "NON-LA" },
        { title: "Đỏ", sku: "NON-LA" },
      ],
    });
    await deliver(only(deliveries, "products/create"));
    await drain(newWorker());

    const links = (await linksOf(SHOP)).filter((link) => link.productId === product.id);
    expect(links.map((link) => link.state)).toEqual(["skipped", "skipped", "skipped"]);
    expect(links[0]!.reason).toBe(NO_SKU_REASON);
    expect(links[1]!.reason).toContain("SKU NON-LA is also used");
    expect(await requestsTo("createProduct")).toHaveLength(0);
  });

  it("records a refusal from Onflow on the link, with Onflow's message", async () => {
    const { product, deliveries } = await fixture.shopify.createProduct(SHOP, { title: "Bình gốm", variants: [{ sku: "BINH-GOM" }] });
    await prisma.shop.update({ where: { domain: SHOP }, data: { brandId: 999_999 } });
    try {
      await deliver(only(deliveries, "products/create"));
      await drain(newWorker());
    } finally {
      await prisma.shop.update({ where: { domain: SHOP }, data: { brandId: BRAND_ID } });
    }
    const [link] = (await linksOf(SHOP)).filter((candidate) => candidate.productId === product.id);
    expect(link).toMatchObject({ state: "failed", oasin: null });
    expect(link!.reason).toContain("brand_id 999999");
  });
});

describe("products/update", () => {
  it("retires the old Onflow product and creates a new one when the SKU changes", async () => {
    const { product, deliveries } = await fixture.shopify.createProduct(SHOP, { title: "Cà phê phin", variants: [{ sku: "CAFE-OLD" }] });
    await deliver(only(deliveries, "products/create"));
    await drain(newWorker());
    const variantId = (await linksOf(SHOP)).find((link) => link.productId === product.id)!.variantId;

    const updated = await fixture.shopify.updateProduct(SHOP, product.id, { variants: [{ id: variantId, sku: "CAFE-NEW" }] });
    await deliver(only(updated.deliveries, "products/update"));
    await drain(newWorker());

    expect((await productBySku("CAFE-OLD"))[0]!.status).toBe("INACTIVE");
    expect((await productBySku("CAFE-NEW"))[0]!.status).toBe("ACTIVE");
    const link = (await linksOf(SHOP)).find((candidate) => candidate.variantId === variantId);
    expect(link).toMatchObject({ sku: "CAFE-NEW", state: "active", oasin: (await productBySku("CAFE-NEW"))[0]!.oasin });
  });
});

describe("products/delete", () => {
  it("deactivates the product's Onflow products", async () => {
    const { product, deliveries } = await fixture.shopify.createProduct(SHOP, { title: "Gốm Bát Tràng", variants: [{ title: "Nhỏ", sku: "GOM-S" }, { title: "Lớn", sku: "GOM-L" }] });
    await deliver(only(deliveries, "products/create"));
    await drain(newWorker());
    expect((await productBySku("GOM-S"))[0]!.status).toBe("ACTIVE");

    const deleted = await fixture.shopify.deleteProduct(SHOP, product.id);
    await deliver(only(deleted.deliveries, "products/delete"));
    await drain(newWorker());

    expect((await productBySku("GOM-S"))[0]!.status).toBe("INACTIVE");
    expect((await productBySku("GOM-L"))[0]!.status).toBe("INACTIVE");
    const links = (await linksOf(SHOP)).filter((link) => link.productId === product.id);
    expect(links.map((link) => link.state)).toEqual(["deactivated", "deactivated"]);
  });
});

describe("before the Onflow location exists", () => {
  it("creates and assigns the product and says it is waiting for the location", async () => {
    await prisma.shop.update({ where: { domain: SHOP }, data: { locationId: null } });
    try {
      const { product, deliveries } = await fixture.shopify.createProduct(SHOP, { title: "Hạt điều", variants: [{ sku: "DIEU-500" }] });
      await deliver(only(deliveries, "products/create"));
      await drain(newWorker());
      const [link] = (await linksOf(SHOP)).filter((candidate) => candidate.productId === product.id);
      expect(link).toMatchObject({ state: "assigned", reason: AWAITING_LOCATION_REASON });
      expect((await productBySku("DIEU-500"))[0]!.status).toBe("ACTIVE");
    } finally {
      await prisma.shop.update({ where: { domain: SHOP }, data: { locationId: fixture.locationId } });
    }
  });
});
