/**
 * The one place a Shopify fulfillment order becomes an Onflow Create B2C Shipment request. Pure.
 *
 * Vietnamese address parts [inferred: Shopify has no ward/district fields, and Vietnamese checkouts
 * commonly put them in these slots]:
 *   address1 → receiver address (house number and street)
 *   address2 → ward (phường / xã)
 *   city     → district (quận / huyện)
 *   province → province (tỉnh / thành phố)
 * Text is passed on exactly as the customer typed it: no trimming, case or Unicode normalisation.
 */
import type { CreateShipmentInput } from "~/onflow/gateway";
import type { FulfillmentOrderDetail } from "~/shopify/fulfillment-orders.server";

export interface ShipmentSettings {
  warehouseCode: string;
  platform: string;
}

export type ShipmentPlan =
  | { kind: "ready"; shipment: CreateShipmentInput }
  | { kind: "refused"; reason: "INVALID_SKU" | "INCORRECT_ADDRESS"; message: string };

/** Readable and stable: the same fulfillment order always gets the same reference. */
export function merchantReferenceFor(orderName: string, fulfillmentOrderId: string): string {
  const orderPart = orderName.replace(/^#/, "").replace(/[^A-Za-z0-9]+/g, "-");
  const numericId = fulfillmentOrderId.split("/").pop() ?? fulfillmentOrderId;
  return `SHOPIFY-${orderPart}-${numericId}`;
}

const CASH_ON_DELIVERY = /cash on delivery|\bcod\b|thanh toán khi nhận hàng/i;
const UNPAID_STATUSES = new Set(["PENDING", "AUTHORIZED", "PARTIALLY_PAID"]);

/** COD only when the order still owes money, the gateway is cash on delivery, and the money is VND. */
export function codAmountVnd(order: FulfillmentOrderDetail["order"]): number | undefined {
  const unpaid = UNPAID_STATUSES.has(order.displayFinancialStatus ?? "");
  const cashOnDelivery = order.paymentGatewayNames.some((name) => CASH_ON_DELIVERY.test(name));
  const outstanding = order.totalOutstandingSet.shopMoney;
  if (!unpaid || !cashOnDelivery || outstanding.currencyCode !== "VND" || outstanding.amount <= 0) return undefined;
  return Math.round(outstanding.amount);
}

function present(text: string | null | undefined): text is string {
  return typeof text === "string" && text.trim().length > 0;
}

/**
 * @param oasinByVariant variant GID → OASIN, for variants whose Onflow product is active.
 */
export function planShipment(fulfillmentOrder: FulfillmentOrderDetail, oasinByVariant: ReadonlyMap<string, string>, settings: ShipmentSettings): ShipmentPlan {
  const order = fulfillmentOrder.order;
  const lines = fulfillmentOrder.lineItems.nodes.filter((line) => line.remainingQuantity > 0);

  const unknown = lines.filter((line) => !line.variant || !oasinByVariant.has(line.variant.id));
  if (unknown.length > 0) {
    const names = unknown.map((line) => line.sku || line.productTitle || line.id).join(", ");
    return { kind: "refused", reason: "INVALID_SKU", message: `Not an active Onflow product in this warehouse: ${names}` };
  }
  if (lines.length === 0) return { kind: "refused", reason: "INVALID_SKU", message: "Nothing left to fulfil on this fulfillment order" };

  const address = order.shippingAddress;
  const phone = present(address?.phone) ? address.phone : order.phone;
  const name = present(address?.name) ? address.name : [address?.firstName, address?.lastName].filter(present).join(" ");
  const missing = [
    !present(address?.address1) && "street address",
    !present(phone) && "phone",
    !present(address?.city) && "district (city)",
    !present(address?.province) && "province",
    !present(name) && "receiver name",
  ].filter(Boolean);
  if (!address || missing.length > 0) {
    return { kind: "refused", reason: "INCORRECT_ADDRESS", message: `The shipping address is missing: ${missing.join(", ") || "everything"}` };
  }

  const quantityByOasin = new Map<string, number>();
  for (const line of lines) {
    const oasin = oasinByVariant.get(line.variant!.id)!;
    quantityByOasin.set(oasin, (quantityByOasin.get(oasin) ?? 0) + line.remainingQuantity);
  }

  const cod = codAmountVnd(order);
  return {
    kind: "ready",
    shipment: {
      warehouseCode: settings.warehouseCode,
      platform: settings.platform,
      merchantReference: merchantReferenceFor(order.name, fulfillmentOrder.id),
      items: [...quantityByOasin].map(([oasin, quantity]) => ({ oasin, quantity })),
      receiver: {
        name,
        phone: phone!,
        address: address.address1!,
        ward: address.address2 ?? "",
        district: address.city!,
        province: address.province!,
      },
      ...(cod !== undefined ? { codAmountVnd: cod } : {}),
      note: present(order.note) ? `Shopify ${order.name}: ${order.note}` : `Shopify ${order.name}`,
    },
  };
}
