import { describe, expect, it } from "vitest";
import { describeJob } from "~/dashboard/job-labels";
import { OnflowError } from "~/onflow/errors";
import { describeOnflowFailure } from "~/settings/describe-onflow-failure";
import { parseSettings } from "~/settings/settings-schema";

const valid = { environment: "staging", platform: "retail", stockIntervalMinutes: "15" };

describe("settings schema", () => {
  it("reads checkboxes, blanks and numbers the way a form sends them", () => {
    const parsed = parseSettings({ ...valid, token: "  ", brandId: "12", autoSendOrders: "on" });
    expect(parsed).toEqual({
      success: true,
      data: { environment: "staging", platform: "retail", stockIntervalMinutes: 15, brandId: 12, autoSendOrders: true, notifyCustomer: false, token: undefined, customBaseUrl: undefined, warehouseCode: undefined },
    });
  });

  it("bounds the stock interval to 5 minutes – 24 hours and requires a URL for a custom environment", () => {
    expect(parseSettings({ ...valid, stockIntervalMinutes: "1441" })).toMatchObject({ success: false, errors: { stockIntervalMinutes: expect.stringMatching(/24 hours/) } });
    expect(parseSettings({ ...valid, environment: "custom" })).toMatchObject({ success: false, errors: { customBaseUrl: expect.any(String) } });
    expect(parseSettings({ ...valid, environment: "custom", customBaseUrl: "http://127.0.0.1:4010" }).success).toBe(true);
  });
});

describe("connection problems in plain words", () => {
  const failure = (status: number | null, code: string, messages = "", logId?: string) => new OnflowError({ endpoint: "listWarehouses", status, code, messages, logId });

  it("tells a bad token, an unreachable host and an Onflow error apart", () => {
    expect(describeOnflowFailure(failure(401, "UNAUTHORIZED"), "https://x", "tok")).toMatchObject({ kind: "bad_token" });
    expect(describeOnflowFailure(failure(null, "CONNECTION_REFUSED"), "https://x", "tok")).toMatchObject({ kind: "unreachable", message: expect.stringContaining("https://x") });
    expect(describeOnflowFailure(failure(500, "INTERNAL_SERVER_ERROR", "Lỗi hệ thống", "L-42"), "https://x", "tok").message).toBe(
      "Onflow answered with an error, HTTP 500: Lỗi hệ thống (Onflow log id L-42)",
    );
  });

  it("never repeats the token even if Onflow echoes it", () => {
    const message = describeOnflowFailure(failure(422, "INVALID_PAYLOAD", "token secret-abc is malformed"), "https://x", "secret-abc").message;
    expect(message).not.toContain("secret-abc");
  });
});

describe("job labels", () => {
  it("names the order or product a job was about", () => {
    expect(describeJob("ORDERS_CREATE", JSON.stringify({ name: "#1001" }))).toBe("Order #1001 → Onflow");
    expect(describeJob("PRODUCTS_UPDATE", JSON.stringify({ title: "Trà" }))).toBe("Product sync: Trà");
    expect(describeJob("PRODUCTS_CREATE", "not json")).toBe("Product sync");
    expect(describeJob("ONFLOW_SHIPMENT_UPDATE_STATUS")).toBe("Shipment update from Onflow");
    expect(describeJob("INTERNAL_STOCK_SYNC")).toBe("Stock sync");
    expect(describeJob("INTERNAL_TRACKING_POLL")).toBe("Tracking poll");
  });
});
