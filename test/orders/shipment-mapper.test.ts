import { describe, expect, it } from "vitest";
import type { FulfillmentOrderDetail } from "~/shopify/fulfillment-orders.server";
import { codAmountVnd, merchantReferenceFor, planShipment } from "~/sync/orders/shipment-mapper";

const VARIANT = "gid://shopify/ProductVariant/11";
const settings = { warehouseCode: "ONF_WH_HCM_Q7", platform: "retail" };

function fulfillmentOrder(overrides: Partial<FulfillmentOrderDetail["order"]> = {}, variantId: string | null = VARIANT): FulfillmentOrderDetail {
  return {
    id: "gid://shopify/FulfillmentOrder/5551",
    status: "OPEN",
    requestStatus: "SUBMITTED",
    assignedLocation: { location: { id: "gid://shopify/Location/9" } },
    lineItems: { nodes: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", remainingQuantity: 2, sku: "TEE-RED-M", productTitle: "Áo thun", variant: variantId ? { id: variantId } : null }] },
    order: {
      id: "gid://shopify/Order/77",
      name: "#1001",
      note: null,
      phone: null,
      displayFinancialStatus: "PAID",
      paymentGatewayNames: ["shopify_payments"],
      totalOutstandingSet: { shopMoney: { amount: 0, currencyCode: "VND" } },
      shippingAddress: {
        name: "Nguyễn Thị Hồng",
        phone: "0901234567",
        address1: "12 Lê Lợi",
        address2: "Phường Bến Nghé",
        city: "Quận 1",
        province: "TP Hồ Chí Minh",
        zip: "700000",
      },
      ...overrides,
    },
  };
}

describe("planShipment", () => {
  it("maps a Vietnamese address part by part, byte for byte", () => {
    const plan = planShipment(fulfillmentOrder(), new Map([[VARIANT, "OASIN1"]]), settings);
    expect(plan).toEqual({
      kind: "ready",
      shipment: {
        warehouseCode: "ONF_WH_HCM_Q7",
        platform: "retail",
        merchantReference: "SHOPIFY-1001-5551",
        items: [{ oasin: "OASIN1", quantity: 2 }],
        receiver: { name: "Nguyễn Thị Hồng", phone: "0901234567", address: "12 Lê Lợi", ward: "Phường Bến Nghé", district: "Quận 1", province: "TP Hồ Chí Minh" },
        note: "Shopify #1001",
      },
    });
    if (plan.kind !== "ready") throw new Error("expected a shipment");
    expect(Buffer.from(plan.shipment.receiver.name)).toEqual(Buffer.from("Nguyễn Thị Hồng"));
  });

  it("refuses a line whose variant has no active Onflow product as INVALID_SKU, naming the SKU", () => {
    const plan = planShipment(fulfillmentOrder(), new Map(), settings);
    expect(plan).toMatchObject({ kind: "refused", reason: "INVALID_SKU" });
    expect(plan.kind === "refused" && plan.message).toContain("TEE-RED-M");
    expect(planShipment(fulfillmentOrder({}, null), new Map([[VARIANT, "OASIN1"]]), settings)).toMatchObject({ reason: "INVALID_SKU" });
  });

  it("refuses a missing phone or street address as INCORRECT_ADDRESS", () => {
    const links = new Map([[VARIANT, "OASIN1"]]);
    const base = fulfillmentOrder().order.shippingAddress!;
    expect(planShipment(fulfillmentOrder({ shippingAddress: { ...base, phone: null } }), links, settings)).toMatchObject({ reason: "INCORRECT_ADDRESS" });
    expect(planShipment(fulfillmentOrder({ shippingAddress: { ...base, address1: " " } }), links, settings)).toMatchObject({ reason: "INCORRECT_ADDRESS" });
    expect(planShipment(fulfillmentOrder({ shippingAddress: null }), links, settings)).toMatchObject({ reason: "INCORRECT_ADDRESS" });
    expect(planShipment(fulfillmentOrder({ shippingAddress: { ...base, phone: null }, phone: "0909" }), links, settings)).toMatchObject({ kind: "ready" });
  });

  it("merges lines of the same Onflow product", () => {
    const detail = fulfillmentOrder();
    detail.lineItems.nodes.push({ ...detail.lineItems.nodes[0]!, id: "gid://shopify/FulfillmentOrderLineItem/2", remainingQuantity: 3 });
    const plan = planShipment(detail, new Map([[VARIANT, "OASIN1"]]), settings);
    expect(plan.kind === "ready" && plan.shipment.items).toEqual([{ oasin: "OASIN1", quantity: 5 }]);
  });
});

describe("cash on delivery", () => {
  it("collects the outstanding VND amount only for unpaid COD orders", () => {
    const unpaidCod = fulfillmentOrder({ displayFinancialStatus: "PENDING", paymentGatewayNames: ["Cash on Delivery (COD)"], totalOutstandingSet: { shopMoney: { amount: 450000, currencyCode: "VND" } } }).order;
    expect(codAmountVnd(unpaidCod)).toBe(450000);
    expect(codAmountVnd({ ...unpaidCod, displayFinancialStatus: "PAID" })).toBeUndefined();
    expect(codAmountVnd({ ...unpaidCod, paymentGatewayNames: ["shopify_payments"] })).toBeUndefined();
  });
});

describe("merchantReferenceFor", () => {
  it("is readable, stable and unique per fulfillment order", () => {
    expect(merchantReferenceFor("#1001", "gid://shopify/FulfillmentOrder/5551")).toBe("SHOPIFY-1001-5551");
    expect(merchantReferenceFor("#1001", "gid://shopify/FulfillmentOrder/5552")).not.toBe(merchantReferenceFor("#1001", "gid://shopify/FulfillmentOrder/5551"));
  });
});
