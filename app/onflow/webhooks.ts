/**
 * Parsing of Onflow's outgoing webhooks (webhooks.md). Updated Stock is documented in full;
 * shipment, return and PO payloads are guesses, so they are recognised by event code or, failing
 * that, by shape, and anything else is reported rather than thrown.
 */
import { z } from "zod";
import type { StatusInfo } from "./gateway";
import { dateFromEpochSeconds, toReturnStatusInfo, toShipmentStatusInfo } from "./mappers";
import { statusInfoSchema } from "./schemas";
import type { PurchaseOrderStatus, ReturnStatus, ShipmentStatus, StockLevel } from "./statuses";

export const ONFLOW_WEBHOOK_EVENT_CODES = {
  stockUpdated: "product.update_stock", // [doc] webhooks.md §1
  shipmentStatusUpdated: "shipment.update_status", // [inferred] webhooks.md §2
  returnStatusUpdated: "return_shipment.update_status", // [inferred] webhooks.md §3
  purchaseOrderStatusUpdated: "purchase_order.update_status", // [inferred] webhooks.md §4
} as const;

/** webhooks.md "common fields" [doc names, seen on Updated Stock]. */
const commonFields = {
  user_id: z.number().nullable().optional(),
  business_id: z.number().nullable().optional(),
  instance_id: z.string(),
  event_code: z.string().optional(),
};

/** webhooks.md §1 [doc, complete]. */
export const stockWebhookSchema = z.looseObject({
  ...commonFields,
  transaction_id: z.union([z.string(), z.number()]).transform(String),
  transaction_type: z.string(),
  transaction_created_time: z.number(),
  reference_code: z.string().nullable().optional(),
  oasin: z.string(),
  sku: z.string().nullable().optional(),
  movement_quantity: z.number(),
  remaining_stock: z.number(),
  stock_level: z.string(),
  is_abnormal: z.boolean().optional(),
});

/** webhooks.md §2 [inferred]. */
export const shipmentWebhookSchema = z.looseObject({
  ...commonFields,
  tracking_code: z.string(),
  merchant_tracking_code_reference: z.string().nullable().optional(),
  warehouse_code: z.string().nullable().optional(),
  courier_tracking_code: z.string().nullable().optional(),
  courier_name: z.string().nullable().optional(),
  status_info: statusInfoSchema,
});

/** webhooks.md §3 [inferred]. */
export const returnWebhookSchema = z.looseObject({
  ...commonFields,
  return_tracking_code: z.string(),
  shipment_tracking_code: z.string().nullable().optional(),
  merchant_return_tracking_code_reference: z.string().nullable().optional(),
  status_info: statusInfoSchema,
});

/** webhooks.md §4 [inferred]. */
export const purchaseOrderWebhookSchema = z.looseObject({
  ...commonFields,
  po_code: z.string(),
  merchant_po_reference: z.string().nullable().optional(),
  status: z.string(),
  updated_time: z.number().nullable().optional(),
});

export type StockWebhookPayload = z.input<typeof stockWebhookSchema>;
export type ShipmentWebhookPayload = z.input<typeof shipmentWebhookSchema>;
export type ReturnWebhookPayload = z.input<typeof returnWebhookSchema>;
export type PurchaseOrderWebhookPayload = z.input<typeof purchaseOrderWebhookSchema>;

interface EventBase {
  /** `instance_id`: the de-duplication key (webhooks.md, [inferred]). */
  eventId: string;
}

export type OnflowWebhookEvent =
  | (EventBase & {
      kind: "stock_updated";
      transactionId: string;
      transactionType: string;
      occurredAt: Date;
      referenceCode: string | null;
      oasin: string;
      sku: string | null;
      movementQuantity: number;
      remainingStock: number;
      stockLevel: StockLevel;
      isAbnormal: boolean;
    })
  | (EventBase & {
      kind: "shipment_status_changed";
      trackingCode: string;
      merchantReference: string | null;
      courierTrackingCode: string | null;
      courierName: string | null;
      status: StatusInfo<ShipmentStatus>;
    })
  | (EventBase & {
      kind: "return_status_changed";
      returnTrackingCode: string;
      shipmentTrackingCode: string | null;
      merchantReference: string | null;
      status: StatusInfo<ReturnStatus>;
    })
  | (EventBase & {
      kind: "purchase_order_status_changed";
      poCode: string;
      merchantReference: string | null;
      status: PurchaseOrderStatus;
      updatedAt: Date | null;
    })
  | { kind: "unrecognised"; eventId: string | null; eventCode: string | null; reason: string };

type Kind = Exclude<OnflowWebhookEvent["kind"], "unrecognised">;

function kindOf(payload: Record<string, unknown>): Kind | null {
  const byCode: Record<string, Kind> = {
    [ONFLOW_WEBHOOK_EVENT_CODES.stockUpdated]: "stock_updated",
    [ONFLOW_WEBHOOK_EVENT_CODES.shipmentStatusUpdated]: "shipment_status_changed",
    [ONFLOW_WEBHOOK_EVENT_CODES.returnStatusUpdated]: "return_status_changed",
    [ONFLOW_WEBHOOK_EVENT_CODES.purchaseOrderStatusUpdated]: "purchase_order_status_changed",
  };
  const code = payload.event_code;
  if (typeof code === "string" && code in byCode) return byCode[code];
  // The three guessed event codes may be wrong; the payload's own identifiers are a safer hint.
  if ("return_tracking_code" in payload) return "return_status_changed";
  if ("tracking_code" in payload && "status_info" in payload) return "shipment_status_changed";
  if ("po_code" in payload && "status" in payload) return "purchase_order_status_changed";
  if ("oasin" in payload && "remaining_stock" in payload) return "stock_updated";
  return null;
}

export function parseOnflowWebhook(body: unknown): OnflowWebhookEvent {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { kind: "unrecognised", eventId: null, eventCode: null, reason: "The body is not a JSON object" };
  }
  const payload = body as Record<string, unknown>;
  const eventId = typeof payload.instance_id === "string" ? payload.instance_id : null;
  const eventCode = typeof payload.event_code === "string" ? payload.event_code : null;
  const kind = kindOf(payload);
  if (!kind) return { kind: "unrecognised", eventId, eventCode, reason: "Unknown event" };

  const invalid = (error: z.ZodError) => ({
    kind: "unrecognised" as const,
    eventId,
    eventCode,
    reason: `Malformed ${kind} payload: ${error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
  });

  switch (kind) {
    case "stock_updated": {
      const parsed = stockWebhookSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const stock = parsed.data;
      return {
        kind,
        eventId: stock.instance_id,
        transactionId: stock.transaction_id,
        transactionType: stock.transaction_type,
        occurredAt: new Date(stock.transaction_created_time * 1000),
        referenceCode: stock.reference_code ?? null,
        oasin: stock.oasin,
        sku: stock.sku ?? null,
        movementQuantity: stock.movement_quantity,
        remainingStock: stock.remaining_stock,
        stockLevel: stock.stock_level,
        isAbnormal: stock.is_abnormal ?? false,
      };
    }
    case "shipment_status_changed": {
      const parsed = shipmentWebhookSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const shipment = parsed.data;
      return {
        kind,
        eventId: shipment.instance_id,
        trackingCode: shipment.tracking_code,
        merchantReference: shipment.merchant_tracking_code_reference ?? null,
        courierTrackingCode: shipment.courier_tracking_code ?? null,
        courierName: shipment.courier_name ?? null,
        status: toShipmentStatusInfo(shipment.status_info),
      };
    }
    case "return_status_changed": {
      const parsed = returnWebhookSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const returned = parsed.data;
      return {
        kind,
        eventId: returned.instance_id,
        returnTrackingCode: returned.return_tracking_code,
        shipmentTrackingCode: returned.shipment_tracking_code ?? null,
        merchantReference: returned.merchant_return_tracking_code_reference ?? null,
        status: toReturnStatusInfo(returned.status_info),
      };
    }
    case "purchase_order_status_changed": {
      const parsed = purchaseOrderWebhookSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const order = parsed.data;
      return {
        kind,
        eventId: order.instance_id,
        poCode: order.po_code,
        merchantReference: order.merchant_po_reference ?? null,
        status: order.status,
        updatedAt: dateFromEpochSeconds(order.updated_time),
      };
    }
  }
}
