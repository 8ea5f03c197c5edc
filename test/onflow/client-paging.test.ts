/**
 * Looking a record up by our own key when Onflow ignores the guessed filter and omits `total`.
 */
import { describe, expect, it } from "vitest";
import { createOnflowClient } from "../../app/onflow/client.server";

function shipmentRow(index: number) {
  return {
    status_info: { value: 100, label: "Mới tạo", updated_time: 1776651000 },
    warehouse_code: "ONF_WH_HCM_Q7",
    tracking_code: `OASC${70000000 + index}`,
    merchant_tracking_code_reference: `SO-${index}`,
  };
}

/** 120 shipments, pages of `page_size`, every filter ignored, no `total` in the envelope. */
const filterIgnoringServer: typeof fetch = async (input) => {
  const url = new URL(String(input));
  const page = Number(url.searchParams.get("page"));
  const pageSize = Number(url.searchParams.get("page_size"));
  const rows = Array.from({ length: 120 }, (_, index) => shipmentRow(index)).slice((page - 1) * pageSize, page * pageSize);
  return Response.json({ data: rows, error: false, error_code: null, log_id: null, messages: "OK", version: "1.0.3", error_detail: null });
};

describe("finding a shipment by merchant reference", () => {
  const onflow = createOnflowClient({ baseUrl: "http://onflow.invalid", token: "t", fetch: filterIgnoringServer, rateLimitPerSecond: 1000 });

  it("reads on past full pages until it finds the reference", async () => {
    expect((await onflow.findShipmentByReference("SO-101"))?.trackingCode).toBe("OASC70000101");
  });

  it("stops at the first short page when the reference does not exist", async () => {
    expect(await onflow.findShipmentByReference("SO-999")).toBeNull();
  });
});
