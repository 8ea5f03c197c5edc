/**
 * Onflow's numeric shipment and return statuses, turned into the few states the app reasons about.
 * README §10.3 / §10.4 document only 300, 500 (shipments) and 350 (returns); every other value below
 * is a placeholder of ours, tagged [inferred], and the emulator uses the same table.
 */

export type Language = "vi" | "en";

export type ShipmentStatus = "new" | "picked" | "packed" | "handed_over" | "cancelled" | "unknown";
export type ReturnStatus = "new" | "received" | "received_with_problem" | "cancelled" | "unknown";

interface StatusCode<Status> {
  value: number;
  status: Status;
  label: Record<Language, string>;
  source: "doc" | "inferred";
}

export const SHIPMENT_STATUS_CODES = {
  new: { value: 100, status: "new", label: { vi: "Mới tạo", en: "New" }, source: "inferred" },
  picked: { value: 200, status: "picked", label: { vi: "Đã lấy hàng", en: "Picked" }, source: "inferred" },
  packed: { value: 250, status: "packed", label: { vi: "Đã đóng gói", en: "Packed" }, source: "inferred" },
  handedOver: { value: 300, status: "handed_over", label: { vi: "Đã bàn giao", en: "Handed over" }, source: "doc" },
  cancelledAfterPacking: { value: 500, status: "cancelled", label: { vi: "Đã hủy sau đóng gói", en: "Cancelled after packing" }, source: "doc" },
  // README §10.3: "cancelled after packing" implies a before-packing value; 900 is our placeholder.
  cancelledBeforePacking: { value: 900, status: "cancelled", label: { vi: "Đã hủy", en: "Cancelled" }, source: "inferred" },
} as const satisfies Record<string, StatusCode<ShipmentStatus>>;

export const RETURN_STATUS_CODES = {
  new: { value: 100, status: "new", label: { vi: "Mới tạo", en: "New" }, source: "inferred" },
  received: { value: 300, status: "received", label: { vi: "Đã nhận hàng hoàn", en: "Return received" }, source: "inferred" },
  receivedWithProblem: { value: 350, status: "received_with_problem", label: { vi: "Hoàn hàng có vấn đề", en: "Problematic return" }, source: "doc" },
  // return-b2c.md §4 uses 900 "Đã hủy" as its placeholder too.
  cancelled: { value: 900, status: "cancelled", label: { vi: "Đã hủy", en: "Cancelled" }, source: "inferred" },
} as const satisfies Record<string, StatusCode<ReturnStatus>>;

export interface ShipmentMilestones {
  pickedAt: Date | null;
  packedAt: Date | null;
  handedOverAt: Date | null;
  cancelledAt: Date | null;
}

/**
 * Known values win. An unknown value falls back to the documented milestone times, which are more
 * trustworthy than our guessed codes: a parcel with a `handover_time` has been handed over.
 */
export function shipmentStatusOf(value: number, milestones?: Partial<ShipmentMilestones>): ShipmentStatus {
  const known = Object.values(SHIPMENT_STATUS_CODES).find((code) => code.value === value);
  if (known) return known.status;
  if (milestones?.cancelledAt) return "cancelled";
  if (milestones?.handedOverAt) return "handed_over";
  if (milestones?.packedAt) return "packed";
  if (milestones?.pickedAt) return "picked";
  return "unknown";
}

export function returnStatusOf(value: number): ReturnStatus {
  return Object.values(RETURN_STATUS_CODES).find((code) => code.value === value)?.status ?? "unknown";
}

/** [doc] README §10.2, product.md (NEW/ACTIVE); INACTIVE is [inferred] product.md §6. Kept open. */
export type ProductStatus = "NEW" | "ACTIVE" | "INACTIVE" | (string & {});
/** [doc] README §10.2; intermediate values are [unknown], so the type stays open. */
export type PurchaseOrderStatus = "TRANSIT" | "COMPLETED" | "CANCELLED" | (string & {});
/** [doc] README §10.5 values; meanings of D1–D3/L [inferred]. */
export type StockLevel = "A" | "D1" | "D2" | "D3" | "L" | (string & {});
export const STOCK_LEVELS = ["A", "D1", "D2", "D3", "L"] as const;
