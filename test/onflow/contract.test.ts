/**
 * The contract battery: the Onflow client against the emulator over real HTTP. Every endpoint,
 * auth, the documented error codes and the life cycles, as the app would observe them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOnflowClient } from "../../app/onflow/client.server";
import { OnflowError } from "../../app/onflow/errors";
import type { CreateShipmentInput, OnflowGateway } from "../../app/onflow/gateway";
import { parseOnflowWebhook } from "../../app/onflow/webhooks";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { failureOf } from "./catching";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

const TOKEN = "contract-token-7f3a9c";
const WAREHOUSE = "ONF_WH_HCM_Q7";
const OTHER_WAREHOUSE = "ONF_WH_HN_GL";
// Faster than Onflow's budget so the battery stays quick; the real 10/s is exercised in rate-limit.test.ts.
const RATE = 50;

let emulator: RunningOnflowEmulator;
let onflow: OnflowGateway;

beforeAll(async () => {
  emulator = await startOnflowEmulator({ tokens: [TOKEN, "second-merchant-token"], rateLimitPerSecond: RATE });
  onflow = createOnflowClient({ baseUrl: emulator.url, token: TOKEN, rateLimitPerSecond: RATE, retryBaseDelayMs: 10 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.reset());

function rawRequest(path: string, init: RequestInit & { token?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.token !== null) headers.set("Authorization", init.token ?? TOKEN);
  return fetch(`${emulator.url}${path}`, { ...init, headers });
}

async function activeProduct(sku: string, warehouseCode = WAREHOUSE, quantity = 10) {
  const [seeded] = await emulator.control.seedCatalogue([{ sku, name: `Sản phẩm ${sku}`, warehouseCode, quantity }]);
  return seeded.oasin;
}

function shipmentInput(oasin: string, merchantReference: string, overrides: Partial<CreateShipmentInput> = {}): CreateShipmentInput {
  return {
    warehouseCode: WAREHOUSE,
    platform: "retail",
    merchantReference,
    items: [{ oasin, quantity: 2 }],
    receiver: {
      name: "Nguyễn Thị Hương",
      phone: "0901234567",
      address: "12 Đường Lê Lợi",
      ward: "Phường Bến Nghé",
      district: "Quận 1",
      province: "Thành phố Hồ Chí Minh",
    },
    codAmountVnd: 290000,
    ...overrides,
  };
}

describe("authentication and paths", () => {
  it("refuses an unknown token with 401 UNAUTHORIZED, once, without echoing the token", async () => {
    const intruder = createOnflowClient({ baseUrl: emulator.url, token: "not-a-real-token-123", rateLimitPerSecond: RATE });
    const error = await failureOf(intruder.listWarehouses());
    expect(error).toBeInstanceOf(OnflowError);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED", messages: "Invalid access token", retryable: false });
    expect(String(error.message)).not.toContain("not-a-real-token-123");
    expect(await emulator.control.requests()).toHaveLength(1);
  });

  it("answers with the envelope on /api/v1 and /v1, with a bare or a Bearer token", async () => {
    for (const [path, token] of [["/api/v1/warehouses", TOKEN], ["/v1/warehouses", TOKEN], ["/api/v1/warehouses", `Bearer ${TOKEN}`]]) {
      const response = await rawRequest(path, { token });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ error: false, error_code: null, messages: "OK", total: 3, version: expect.any(String) });
    }
    const anonymous = await rawRequest("/api/v1/warehouses", { token: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ data: null, error: true, error_code: "UNAUTHORIZED" });
  });

  it("answers unknown paths with NOT_FOUND and wrong methods with METHOD_NOT_ALLOWED", async () => {
    const missing = await rawRequest("/api/v1/nothing-here");
    expect([missing.status, (await missing.json()).error_code]).toEqual([404, "NOT_FOUND"]);
    const wrongMethod = await rawRequest("/api/v1/warehouses", { method: "DELETE" });
    expect([wrongMethod.status, (await wrongMethod.json()).error_code]).toEqual([405, "METHOD_NOT_ALLOWED"]);
  });

  it("works with the API prefix configured away", async () => {
    const unprefixed = createOnflowClient({ baseUrl: emulator.url, apiPrefix: "", token: TOKEN, rateLimitPerSecond: RATE });
    expect((await unprefixed.listWarehouses()).length).toBe(3);
    const [request] = await emulator.control.requests();
    expect(request.path).toBe("/v1/warehouses");
  });

  it("keeps each token's data apart", async () => {
    const oasin = await activeProduct("TEA-1");
    const otherMerchant = createOnflowClient({ baseUrl: emulator.url, token: "second-merchant-token", rateLimitPerSecond: RATE });
    expect(await otherMerchant.findProductBySku("TEA-1")).toBeNull();
    expect((await onflow.getProduct(oasin)).sku).toBe("TEA-1");
  });
});

describe("config", () => {
  it("lists warehouses, brands and the address tree with Vietnamese names intact", async () => {
    expect(await onflow.listWarehouses()).toContainEqual(expect.objectContaining({ code: "ONF_WH_HCM_Q7", name: "Kho Quận 7" }));
    expect(await onflow.listBrands()).toContainEqual({ id: 3105, name: "Sông Hồng Tea" });
    const provinces = await onflow.listProvinces();
    const hoChiMinh = provinces.find((province) => province.name === "Thành phố Hồ Chí Minh");
    expect(hoChiMinh).toBeDefined();
    const districts = await onflow.listDistricts(hoChiMinh!.id);
    const district1 = districts.find((district) => district.name === "Quận 1")!;
    expect((await onflow.listWards(district1.id)).map((ward) => ward.name)).toEqual(["Phường Bến Nghé", "Phường Bến Thành"]);
  });

  it("uploads a file and returns a CDN URL", async () => {
    const uploaded = await onflow.uploadFile({ fileName: "front.jpg", contentType: "image/jpeg", content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]) });
    expect(uploaded.url).toMatch(/^https:\/\/.+\.sgp1\.cdn\.digitaloceanspaces\.com\/ts\/[0-9a-f]{32}\.jpg$/);
    expect(uploaded).toMatchObject({ fileName: "front.jpg", mimeType: "image/jpeg" });
  });
});

describe("products", () => {
  it("creates a NEW product (201), activates it by assignment and deactivates it", async () => {
    const created = await onflow.createProduct({ sku: "TEA-OOLONG-250", name: "Trà Ô Long túi 250g", brandId: 3105, priceVnd: 145000, characteristics: ["FRAGILE"], weightGrams: 280 });
    expect(created.oasin).toMatch(/^OASIN\d+$/);
    expect(created.status).toBe("NEW");
    expect((await emulator.control.requests()).at(-1)?.status).toBe(201);

    const fresh = await onflow.getProduct(created.oasin);
    expect(fresh).toMatchObject({ sku: "TEA-OOLONG-250", name: "Trà Ô Long túi 250g", status: "NEW", priceVnd: 145000, brand: { id: 3105, name: "Sông Hồng Tea" }, characteristics: ["FRAGILE"] });

    await onflow.assignProduct({ oasin: created.oasin, warehouseCode: WAREHOUSE });
    expect((await onflow.getProduct(created.oasin)).status).toBe("ACTIVE");

    await onflow.deactivateProduct(created.oasin);
    expect((await onflow.getProduct(created.oasin)).status).toBe("INACTIVE");
  });

  it("refuses a duplicate SKU and an invalid payload", async () => {
    await onflow.createProduct({ sku: "DUP-1", name: "Một" });
    expect(await failureOf(onflow.createProduct({ sku: "DUP-1", name: "Hai" }))).toMatchObject({ status: 422, code: "PRODUCT_SKU_ALREADY_EXISTS", retryable: false });

    const response = await rawRequest("/api/v1/products/create", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "no sku" }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: true, error_code: "INVALID_PAYLOAD", error_detail: [expect.objectContaining({ field: "sku" })] });
  });

  it("answers NOT_FOUND for an unknown OASIN and PRODUCTS_BY_OASIN_NOT_FOUND when assigning it", async () => {
    expect(await failureOf(onflow.getProduct("OASIN404"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(await failureOf(onflow.assignProduct({ oasin: "OASIN404", warehouseCode: WAREHOUSE }))).toMatchObject({ code: "PRODUCTS_BY_OASIN_NOT_FOUND" });
  });

  it("pages the product list and finds a product by SKU", async () => {
    await emulator.control.seedCatalogue(Array.from({ length: 7 }, (_, index) => ({ sku: `SKU-${index}`, name: `Hàng ${index}`, warehouseCode: WAREHOUSE })));
    const second = await onflow.listProducts({ page: 2, pageSize: 3 });
    expect(second.total).toBe(7);
    expect(second.items.map((product) => product.sku)).toEqual(["SKU-3", "SKU-4", "SKU-5"]);
    expect((await onflow.findProductBySku("SKU-6"))?.sku).toBe("SKU-6");
    expect(await onflow.findProductBySku("SKU-404")).toBeNull();
  });

  it("reports stock per product, warehouse and stock level", async () => {
    const oasin = await activeProduct("STOCKED", WAREHOUSE, 12);
    await onflow.assignProduct({ oasin, warehouseCode: OTHER_WAREHOUSE });
    await emulator.control.setStock({ oasin, warehouseCode: OTHER_WAREHOUSE, quantity: 3, stockLevel: "D1" });
    const all = await onflow.listStock({ page: 1, pageSize: 50 });
    expect(all.items).toEqual(
      expect.arrayContaining([
        { oasin, sku: "STOCKED", warehouseCode: WAREHOUSE, stockLevel: "A", quantity: 12 },
        { oasin, sku: "STOCKED", warehouseCode: OTHER_WAREHOUSE, stockLevel: "D1", quantity: 3 },
      ]),
    );
    const hanoi = await onflow.listStock({ page: 1, pageSize: 50, warehouseCode: OTHER_WAREHOUSE });
    expect(hanoi.items.every((line) => line.warehouseCode === OTHER_WAREHOUSE)).toBe(true);
  });

  it("narrows Get Stock to one product with the inferred oasin filter", async () => {
    const wanted = await activeProduct("STOCK-ONE", WAREHOUSE, 4);
    await activeProduct("STOCK-OTHER", WAREHOUSE, 9);
    const page = await onflow.listStock({ page: 1, pageSize: 50, warehouseCode: WAREHOUSE, oasin: wanted });
    expect(page.items).toEqual([{ oasin: wanted, sku: "STOCK-ONE", warehouseCode: WAREHOUSE, stockLevel: "A", quantity: 4 }]);
    expect(page.total).toBe(1);
  });
});

describe("B2C shipments", () => {
  it("creates a NEW shipment (200) and carries Vietnamese receiver text byte for byte", async () => {
    const oasin = await activeProduct("TEA-1");
    // "Hương" spelled with a decomposed combining mark, which must not be normalised on the way.
    const decomposedName = "Nguye\u0302\u0303n Thi\u0323 Hu\u031Bo\u031Bng";
    const created = await onflow.createShipment(shipmentInput(oasin, "SO-1001", { receiver: { ...shipmentInput(oasin, "x").receiver, name: decomposedName } }));
    expect(created.trackingCode).toMatch(/^OASC\d+$/);
    expect(created.status.status).toBe("new");

    const sent = (await emulator.control.requests()).find((request) => request.endpoint === "createShipment")!;
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ receiver_name: decomposedName, receiver_ward: "Phường Bến Nghé", receiver_province: "Thành phố Hồ Chí Minh", platform: "retail", cod_amount: 290000 });
    const detail = await rawRequest(`/api/v1/shipments/${created.trackingCode}/detail`);
    expect(Buffer.from((await detail.json()).data.receiver_name, "utf8").equals(Buffer.from(decomposedName, "utf8"))).toBe(true);
  });

  it("refuses unknown, unmapped and inactive products with their documented codes", async () => {
    const active = await activeProduct("ACTIVE-1");
    const fresh = await onflow.createProduct({ sku: "NEW-1", name: "Chưa gán kho" });
    const retired = await activeProduct("OLD-1");
    await onflow.deactivateProduct(retired);

    const unknown = await failureOf(onflow.createShipment(shipmentInput("OASIN999", "SO-A")));
    expect(unknown).toMatchObject({ status: 404, code: "PRODUCTS_BY_OASIN_NOT_FOUND", retryable: false });
    expect(unknown.messages).toContain("OASIN999");

    const unmapped = await failureOf(onflow.createShipment(shipmentInput(fresh.oasin, "SO-B")));
    expect(unmapped).toMatchObject({ code: "PRODUCTS_NOT_MAPPED_IN_WAREHOUSE", retryable: false });
    expect(unmapped.messages).toBe(`Mã sản phẩm [${fresh.oasin}] chưa được gắn với mã kho yêu cầu`);

    expect(await failureOf(onflow.createShipment(shipmentInput(active, "SO-C", { warehouseCode: OTHER_WAREHOUSE })))).toMatchObject({ code: "PRODUCTS_NOT_MAPPED_IN_WAREHOUSE" });
    expect(await failureOf(onflow.createShipment(shipmentInput(retired, "SO-D")))).toMatchObject({ code: "PRODUCTS_INACTIVE", retryable: false });
    expect(await failureOf(onflow.createShipment(shipmentInput(active, "SO-E", { platform: "shopify" })))).toMatchObject({ status: 422, code: "INVALID_PAYLOAD" });
  });

  it("refuses a second shipment with the same merchant reference and finds the first by it", async () => {
    const oasin = await activeProduct("TEA-1");
    const first = await onflow.createShipment(shipmentInput(oasin, "gid://shopify/FulfillmentOrder/42"));
    expect(await failureOf(onflow.createShipment(shipmentInput(oasin, "gid://shopify/FulfillmentOrder/42")))).toMatchObject({ code: "SHIPMENT_REFERENCE_ALREADY_EXISTS", retryable: false });
    expect((await onflow.findShipmentByReference("gid://shopify/FulfillmentOrder/42"))?.trackingCode).toBe(first.trackingCode);
    expect(await onflow.findShipmentByReference("gid://shopify/FulfillmentOrder/43")).toBeNull();
    expect((await onflow.listShipments({ page: 1, pageSize: 10 })).total).toBe(1);
  });

  it("walks NEW → picked → packed → handed over (300) with times, courier code and name", async () => {
    const oasin = await activeProduct("TEA-1", WAREHOUSE, 5);
    const { trackingCode } = await onflow.createShipment(shipmentInput(oasin, "SO-2001", { platform: "shopee" }));

    await emulator.control.advanceShipment(trackingCode);
    const picked = await onflow.getShipment(trackingCode);
    expect(picked.status.status).toBe("picked");
    expect(picked.pickedAt).toBeInstanceOf(Date);
    expect((await onflow.listStock({ page: 1, pageSize: 50 })).items[0].quantity).toBe(3);

    await emulator.control.advanceShipment(trackingCode);
    expect((await onflow.getShipment(trackingCode)).status.status).toBe("packed");

    await emulator.control.advanceShipment(trackingCode);
    const handedOver = await onflow.getShipment(trackingCode);
    expect(handedOver.status).toMatchObject({ status: "handed_over", value: 300, label: "Đã bàn giao" });
    expect(handedOver.handedOverAt).toBeInstanceOf(Date);
    expect(handedOver.courierTrackingCode).toMatch(/^SPXVN\d+$/);
    expect(handedOver.courierName).toBe("SPX Express");
    expect(handedOver.cancelledAt).toBeNull();

    const refused = await failureOf(onflow.cancelShipment(trackingCode));
    expect(refused).toMatchObject({ status: 400, code: "SHIPMENT_NOT_CANCELLABLE", retryable: false });
  });

  it("serves the detail on both documented path variants", async () => {
    const oasin = await activeProduct("TEA-1");
    const { trackingCode } = await onflow.createShipment(shipmentInput(oasin, "SO-3001"));
    for (const path of [`/api/v1/shipments/${trackingCode}/detail`, `/api/v1/shipments/b2c/${trackingCode}/detail`, `/v1/shipments/b2c/${trackingCode}/detail`]) {
      const response = await rawRequest(path);
      expect((await response.json()).data.tracking_code).toBe(trackingCode);
    }
  });

  it("cancels before packing with the before-packing value and after packing with 500", async () => {
    const oasin = await activeProduct("TEA-1", WAREHOUSE, 10);
    const early = await onflow.createShipment(shipmentInput(oasin, "SO-4001"));
    await emulator.control.advanceShipment(early.trackingCode, "picked");
    const earlyCancel = await onflow.cancelShipment(early.trackingCode);
    expect(earlyCancel.status).toMatchObject({ status: "cancelled", value: 900 });
    expect(earlyCancel.cancelledAt).toBeInstanceOf(Date);
    expect((await onflow.listStock({ page: 1, pageSize: 50 })).items[0].quantity).toBe(10);

    const late = await onflow.createShipment(shipmentInput(oasin, "SO-4002"));
    await emulator.control.advanceShipment(late.trackingCode, "packed");
    const lateCancel = await onflow.cancelShipment(late.trackingCode);
    expect(lateCancel.status).toMatchObject({ status: "cancelled", value: 500, label: "Đã hủy sau đóng gói" });
    expect((await onflow.getShipment(late.trackingCode)).status.status).toBe("cancelled");
    expect(await failureOf(onflow.cancelShipment(late.trackingCode))).toMatchObject({ code: "SHIPMENT_NOT_CANCELLABLE" });
    expect(await failureOf(onflow.getShipment("OASC404"))).toMatchObject({ status: 404, code: "NOT_FOUND" });
  });

  it("labels statuses in English when asked", async () => {
    const english = createOnflowClient({ baseUrl: emulator.url, token: TOKEN, language: "en", rateLimitPerSecond: RATE });
    const oasin = await activeProduct("TEA-1");
    const { trackingCode } = await english.createShipment(shipmentInput(oasin, "SO-5001"));
    await emulator.control.advanceShipment(trackingCode, "handed_over");
    expect((await english.getShipment(trackingCode)).status.label).toBe("Handed over");
  });
});

describe("webhooks", () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it("posts Updated Stock and shipment-status webhooks, unsigned, that the client parses", async () => {
    receiver.received.length = 0;
    await emulator.control.registerWebhooks([receiver.url]);
    const oasin = await activeProduct("TEA-1", WAREHOUSE, 4);
    const { trackingCode } = await onflow.createShipment(shipmentInput(oasin, "SO-6001", { platform: "lazada" }));
    await emulator.control.advanceShipment(trackingCode, "handed_over");

    const deliveries = await emulator.control.webhookDeliveries();
    expect(deliveries.every((delivery) => delivery.delivered)).toBe(true);
    const events = receiver.received.map((delivery) => parseOnflowWebhook(delivery.body));
    expect(receiver.received.every((delivery) => delivery.headers.authorization === undefined)).toBe(true);

    expect(events).toContainEqual(expect.objectContaining({ kind: "stock_updated", oasin, sku: "TEA-1", transactionType: "ADJUSTMENT", remainingStock: 4, stockLevel: "A" }));
    expect(events).toContainEqual(expect.objectContaining({ kind: "stock_updated", oasin, movementQuantity: -2, remainingStock: 2, referenceCode: trackingCode }));
    const handover = events.find((event) => event.kind === "shipment_status_changed" && event.status.status === "handed_over");
    expect(handover).toMatchObject({ trackingCode, merchantReference: "SO-6001", courierName: "Lazada Logistics", courierTrackingCode: expect.stringMatching(/^LZDVN/) });
    const statuses = events.flatMap((event) => (event.kind === "shipment_status_changed" ? [event.status.status] : []));
    expect(statuses).toEqual(["picked", "packed", "handed_over"]);
  });
});

describe("purchase orders", () => {
  it("creates (201, TRANSIT), completes with put-away stock and inspection, and refuses to cancel then", async () => {
    const oasin = await activeProduct("TEA-1", WAREHOUSE, 0);
    const created = await onflow.createPurchaseOrder({
      warehouseCode: WAREHOUSE,
      merchantReference: "INB-2026-0415",
      estimatedArrivalAt: new Date("2026-12-01T03:00:00Z"),
      valueAddedServices: ["CO_INSPECTION"],
      packages: [{ packageCode: "CTN-A", weightGrams: 8500, items: [{ oasin, quantity: 24 }], note: "Hàng dễ vỡ" }],
      note: "Giao buổi sáng",
    });
    expect(created).toMatchObject({ poCode: expect.stringMatching(/^OAPO\d+$/), status: "TRANSIT" });
    expect((await emulator.control.requests()).at(-1)?.status).toBe(201);

    expect(await onflow.getPurchaseOrder(created.poCode)).toMatchObject({ merchantReference: "INB-2026-0415", warehouseCode: WAREHOUSE, status: "TRANSIT", estimatedArrivalAt: new Date("2026-12-01T03:00:00Z"), packages: [{ packageCode: "CTN-A", items: [{ oasin, quantity: 24 }] }] });
    expect((await onflow.listPurchaseOrders({ page: 1, pageSize: 10 })).items.map((order) => order.poCode)).toEqual([created.poCode]);
    expect(await onflow.getPurchaseOrderBillUrl(created.poCode)).toMatch(/^https:\/\/.+\.pdf$/);
    expect(await failureOf(onflow.getPurchaseOrderInspection(created.poCode))).toMatchObject({ code: "PO_NOT_COMPLETED" });

    await emulator.control.completePurchaseOrder(created.poCode, [
      { oasin, quantity: 23, stockLevel: "A", packageCode: "CTN-A" },
      { oasin, quantity: 1, stockLevel: "D1", packageCode: "CTN-A" },
    ]);
    expect((await onflow.getPurchaseOrder(created.poCode)).status).toBe("COMPLETED");
    const stock = (await onflow.listStock({ page: 1, pageSize: 50 })).items;
    expect(stock).toEqual(expect.arrayContaining([expect.objectContaining({ stockLevel: "A", quantity: 23 }), expect.objectContaining({ stockLevel: "D1", quantity: 1 })]));
    expect(await onflow.getPurchaseOrderInspection(created.poCode)).toEqual([
      expect.objectContaining({ packageCode: "CTN-A", oasin, sku: "TEA-1", declaredQuantity: 24, putawayQuantity: 23, stockLevel: "A" }),
      expect.objectContaining({ putawayQuantity: 1, stockLevel: "D1" }),
    ]);
    expect(await failureOf(onflow.cancelPurchaseOrder(created.poCode))).toMatchObject({ status: 400, code: "PO_NOT_CANCELLABLE" });
  });

  it("cancels a PO in TRANSIT and validates its products", async () => {
    const oasin = await activeProduct("TEA-1");
    const { poCode } = await onflow.createPurchaseOrder({ warehouseCode: WAREHOUSE, packages: [{ packageCode: "CTN-1", items: [{ oasin, quantity: 1 }] }] });
    await onflow.cancelPurchaseOrder(poCode);
    expect((await onflow.getPurchaseOrder(poCode)).status).toBe("CANCELLED");
    const unknown = await failureOf(onflow.createPurchaseOrder({ warehouseCode: WAREHOUSE, packages: [{ packageCode: "CTN-1", items: [{ oasin: "OASIN1", quantity: 1 }] }] }));
    expect(unknown).toMatchObject({ status: 404, code: "PRODUCTS_BY_OASIN_NOT_FOUND" });
  });
});

describe("B2C returns", () => {
  it("creates, lists, reads and cancels a return; a received one is no longer cancellable", async () => {
    const oasin = await activeProduct("TEA-1", WAREHOUSE, 10);
    const { trackingCode } = await onflow.createShipment(shipmentInput(oasin, "SO-7001"));
    await emulator.control.advanceShipment(trackingCode, "handed_over");

    const cancelled = await onflow.createReturn({ shipmentTrackingCode: trackingCode, merchantReference: "RT-1", returnCourierTrackingCode: "SPXVNR1" });
    expect(cancelled).toMatchObject({ returnTrackingCode: expect.stringMatching(/^OARSC\d+$/), status: { status: "new" } });
    expect(await onflow.getReturn(cancelled.returnTrackingCode)).toMatchObject({ shipmentTrackingCode: trackingCode, merchantReference: "RT-1", warehouseCode: WAREHOUSE, returnCourierTrackingCode: "SPXVNR1" });
    expect((await onflow.cancelReturn(cancelled.returnTrackingCode)).status.status).toBe("cancelled");

    const problematic = await onflow.createReturn({ shipmentTrackingCode: trackingCode, merchantReference: "RT-2" });
    await emulator.control.receiveReturn(problematic.returnTrackingCode, "received_with_problem");
    expect((await onflow.getReturn(problematic.returnTrackingCode)).status).toMatchObject({ status: "received_with_problem", value: 350, label: "Hoàn hàng có vấn đề" });
    expect(await failureOf(onflow.cancelReturn(problematic.returnTrackingCode))).toMatchObject({ code: "RETURN_NOT_CANCELLABLE" });

    const listed = await onflow.listReturns({ page: 1, pageSize: 10 });
    expect(listed.items.map((item) => item.merchantReference)).toEqual(["RT-1", "RT-2"]);
    expect(await failureOf(onflow.createReturn({ shipmentTrackingCode: "OASC404", merchantReference: "RT-3" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
