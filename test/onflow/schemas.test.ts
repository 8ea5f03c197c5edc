/**
 * The wire schemas' tolerance: money as number or decimal string, open enums, extra fields,
 * and the alternative shapes the docs leave open.
 */
import { describe, expect, it } from "vitest";
import { buildEndpointPath, ONFLOW_ENDPOINTS } from "../../app/onflow/endpoints";
import { toAddressUnit, toProduct, toShipment, toStockLine } from "../../app/onflow/mappers";
import { addressUnitSchema, envelopeSchema, moneySchema, productSchema, shipmentSchema, stockLineSchema } from "../../app/onflow/schemas";
import { shipmentStatusOf } from "../../app/onflow/statuses";

const documentedProduct = {
  currency: "VND",
  created_time: 1767312000,
  updated_time: 1767315600,
  oasin: "OASIN3000101",
  name: "Trà Ô Long túi 250g",
  sku: "TEA-OOLONG-250",
  status: "NEW",
  price: "145000.00",
  brand: { id: 3105, name: "Sông Hồng Tea" },
  barcodes: ["8930000123457"],
  weight: 280,
  product_characteristics: "FRAGILE",
  min_shelf_life_outbound: 90,
};

describe("money", () => {
  it("accepts a number or a decimal string and rejects anything else", () => {
    expect(moneySchema.parse(145000)).toBe(145000);
    expect(moneySchema.parse("145000.00")).toBe(145000);
    expect(moneySchema.parse(" 99.5 ")).toBe(99.5);
    expect(moneySchema.safeParse("145.000 ₫").success).toBe(false);
    expect(moneySchema.safeParse(null).success).toBe(false);
  });
});

describe("product", () => {
  it("reads the documented detail sample into our words", () => {
    const product = toProduct(productSchema.parse(documentedProduct));
    expect(product).toMatchObject({
      oasin: "OASIN3000101",
      status: "NEW",
      priceVnd: 145000,
      brand: { id: 3105, name: "Sông Hồng Tea" },
      characteristics: ["FRAGILE"],
      createdAt: new Date(1767312000 * 1000),
    });
  });

  it("keeps unknown statuses and extra fields instead of failing", () => {
    const parsed = productSchema.parse({ ...documentedProduct, status: "PENDING_APPROVAL", price: 145000, product_characteristics: ["FRAGILE", "HIGH_VALUE"], warehouses: ["x"] });
    expect(toProduct(parsed)).toMatchObject({ status: "PENDING_APPROVAL", priceVnd: 145000, characteristics: ["FRAGILE", "HIGH_VALUE"] });
    expect(parsed).toHaveProperty("warehouses");
  });

  it("still requires the fields we use", () => {
    const { oasin: _ignored, ...withoutOasin } = documentedProduct;
    expect(productSchema.safeParse(withoutOasin).success).toBe(false);
  });
});

describe("shipment", () => {
  const documentedShipment = {
    status_info: { value: 300, label: "Đã bàn giao", updated_time: 1776660300 },
    created_time: 1776651000,
    updated_time: 1776660900,
    warehouse_code: "ONF_WH_HCM_Q7",
    tracking_code: "OASC70000042",
    merchant_tracking_code_reference: "SO-2026-000481",
    courier_tracking_code: "SPXVN0123456789",
    picked_time: 1776655200,
    packed_time: 1776656400,
    handover_time: 1776660300,
    cancelled_time: null,
  };

  it("maps the documented detail sample, 300 being handed over", () => {
    const shipment = toShipment(shipmentSchema.parse(documentedShipment));
    expect(shipment.status).toEqual({ status: "handed_over", value: 300, label: "Đã bàn giao", updatedAt: new Date(1776660300 * 1000) });
    expect(shipment).toMatchObject({ courierTrackingCode: "SPXVN0123456789", courierName: null, cancelledAt: null });
  });

  it("falls back on the documented milestone times for an unknown status value", () => {
    const shipment = toShipment(shipmentSchema.parse({ ...documentedShipment, status_info: { value: 410, label: "Đang giao" } }));
    expect(shipment.status).toMatchObject({ status: "handed_over", value: 410, label: "Đang giao" });
    expect(shipmentStatusOf(123)).toBe("unknown");
    expect(shipmentStatusOf(500)).toBe("cancelled");
  });
});

describe("tolerated alternatives", () => {
  it("reads address units under any of the front-end's id and name keys", () => {
    expect(toAddressUnit(addressUnitSchema.parse({ province_id: 79, province_name: "Thành phố Hồ Chí Minh" }))).toEqual({ id: "79", name: "Thành phố Hồ Chí Minh" });
    expect(toAddressUnit(addressUnitSchema.parse({ id: "26734", label: "Phường Bến Nghé", value: "26734" }))).toEqual({ id: "26734", name: "Phường Bến Nghé" });
    expect(addressUnitSchema.safeParse({ label: "no id" }).success).toBe(false);
  });

  it("reads stock quantity as `quantity` or `remaining_stock` and keeps unknown grades", () => {
    expect(toStockLine(stockLineSchema.parse({ oasin: "OASIN1", warehouse_code: "W", stock_level: "D4", remaining_stock: 5 }))).toMatchObject({ stockLevel: "D4", quantity: 5 });
    expect(stockLineSchema.safeParse({ oasin: "OASIN1", warehouse_code: "W", stock_level: "A" }).success).toBe(false);
  });

  it("accepts an envelope whose messages come as a list", () => {
    expect(envelopeSchema.parse({ data: null, error: true, error_code: "INVALID_PAYLOAD", messages: ["sku is required", "name is required"] }).messages).toBe("sku is required; name is required");
  });
});

describe("endpoint paths", () => {
  it("builds paths under the configurable prefix, except the two documented without it", () => {
    expect(buildEndpointPath(ONFLOW_ENDPOINTS.getShipment, "/api", { tracking_code: "OASC1" })).toBe("/api/v1/shipments/OASC1/detail");
    expect(buildEndpointPath(ONFLOW_ENDPOINTS.getProduct, "", { oasin: "OASIN1" })).toBe("/v1/products/OASIN1/detail");
    expect(buildEndpointPath(ONFLOW_ENDPOINTS.getPurchaseOrderBill, "/api", { po_code: "OAPO1" })).toBe("/v1/purchase-orders/OAPO1/export-po-bill");
    expect(buildEndpointPath(ONFLOW_ENDPOINTS.cancelShipment, "/api", { tracking_code: "a/b" })).toBe("/api/v1/shipments/b2c/a%2Fb/cancel");
  });
});
