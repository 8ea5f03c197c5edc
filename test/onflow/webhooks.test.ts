/**
 * Parsing what Onflow posts to us: the documented Updated Stock, the guessed status events,
 * and whatever else may arrive.
 */
import { describe, expect, it } from "vitest";
import { parseOnflowWebhook } from "../../app/onflow/webhooks";

const documentedStock = {
  user_id: 5120,
  business_id: 7781,
  instance_id: "6b0d3c1e-2f4a-4b8e-9c7d-0e1f2a3b4c5d",
  event_code: "product.update_stock",
  transaction_id: "580233",
  transaction_type: "PUTAWAY",
  transaction_created_time: 1776903000,
  reference_code: "OAPO900000123",
  oasin: "OASIN3000101",
  sku: "TEA-OOLONG-250",
  movement_quantity: 23,
  remaining_stock: 23,
  stock_level: "A",
  is_abnormal: false,
};

describe("Onflow webhooks", () => {
  it("reads the documented Updated Stock payload", () => {
    expect(parseOnflowWebhook(documentedStock)).toEqual({
      kind: "stock_updated",
      eventId: "6b0d3c1e-2f4a-4b8e-9c7d-0e1f2a3b4c5d",
      transactionId: "580233",
      transactionType: "PUTAWAY",
      occurredAt: new Date(1776903000 * 1000),
      referenceCode: "OAPO900000123",
      oasin: "OASIN3000101",
      sku: "TEA-OOLONG-250",
      movementQuantity: 23,
      remainingStock: 23,
      stockLevel: "A",
      isAbnormal: false,
    });
  });

  it("reads the guessed shipment status payload", () => {
    const event = parseOnflowWebhook({
      user_id: 5120,
      business_id: 7781,
      instance_id: "0c9e8d7f",
      event_code: "shipment.update_status",
      tracking_code: "OASC70000042",
      merchant_tracking_code_reference: "SO-2026-000481",
      warehouse_code: "ONF_WH_HCM_Q7",
      status_info: { value: 300, label: "Đã bàn giao", updated_time: 1776660300 },
    });
    expect(event).toMatchObject({ kind: "shipment_status_changed", trackingCode: "OASC70000042", status: { status: "handed_over", value: 300 } });
  });

  it("recognises status events by shape when the event code differs from our guess", () => {
    expect(parseOnflowWebhook({ instance_id: "1", event_code: "return.status_changed", return_tracking_code: "OARSC1", status_info: { value: 350 } })).toMatchObject({
      kind: "return_status_changed",
      status: { status: "received_with_problem" },
    });
    expect(parseOnflowWebhook({ instance_id: "2", event_code: "po.changed", po_code: "OAPO1", status: "COMPLETED", updated_time: 1776903600 })).toMatchObject({
      kind: "purchase_order_status_changed",
      poCode: "OAPO1",
      status: "COMPLETED",
    });
  });

  it("reports unknown events and malformed payloads instead of throwing", () => {
    expect(parseOnflowWebhook({ instance_id: "3", event_code: "invoice.created" })).toEqual({ kind: "unrecognised", eventId: "3", eventCode: "invoice.created", reason: "Unknown event" });
    const malformed = parseOnflowWebhook({ ...documentedStock, remaining_stock: "many" });
    expect(malformed).toMatchObject({ kind: "unrecognised", eventCode: "product.update_stock" });
    expect(parseOnflowWebhook("[]")).toMatchObject({ kind: "unrecognised" });
  });
});
