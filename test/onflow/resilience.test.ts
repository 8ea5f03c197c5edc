/**
 * The client under pressure: Onflow's real 10 requests/s budget, injected 503s, 429 bursts,
 * dropped connections and slow answers, observed through the emulator's request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOnflowClient } from "../../app/onflow/client.server";
import { OnflowError } from "../../app/onflow/errors";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { failureOf } from "./catching";

const WAREHOUSE = "ONF_WH_HCM_Q7";

describe("at Onflow's real budget of 10 requests/s", () => {
  let emulator: RunningOnflowEmulator;
  beforeAll(async () => {
    emulator = await startOnflowEmulator({ tokens: ["budget-token"], rateLimitPerSecond: 10 });
  });
  afterAll(() => emulator.close());

  it("completes fifty simultaneous calls without a single 429", async () => {
    const onflow = createOnflowClient({ baseUrl: emulator.url, token: "budget-token" });
    const results = await Promise.all(Array.from({ length: 50 }, () => onflow.listWarehouses()));
    expect(results.every((warehouses) => warehouses.length === 3)).toBe(true);
    const counters = await emulator.control.counters();
    expect(counters.requests).toBe(50);
    expect(counters.rateLimited).toBe(0);
  });

  it("shares one budget between client instances of the same account", async () => {
    await emulator.control.clearRequests();
    const first = createOnflowClient({ baseUrl: emulator.url, token: "budget-token" });
    const second = createOnflowClient({ baseUrl: emulator.url, token: "budget-token" });
    await Promise.all(Array.from({ length: 15 }, (_, index) => (index % 2 ? first : second).listBrands()));
    expect((await emulator.control.counters()).rateLimited).toBe(0);
  });
});

describe("with injected faults", () => {
  const TOKEN = "faulty-token-51d2";
  const RATE = 100;
  let emulator: RunningOnflowEmulator;
  const client = (overrides: Parameters<typeof createOnflowClient>[0] extends infer Options ? Partial<Options> : never = {}) =>
    createOnflowClient({ baseUrl: emulator.url, token: TOKEN, rateLimitPerSecond: RATE, retryBaseDelayMs: 5, ...overrides });

  beforeAll(async () => {
    emulator = await startOnflowEmulator({ tokens: [TOKEN], rateLimitPerSecond: RATE, seed: 7 });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  it("gets every call through 30% injected 503s by retrying", async () => {
    const [{ oasin }] = await emulator.control.seedCatalogue([{ sku: "TEA-1", name: "Trà", warehouseCode: WAREHOUSE, quantity: 100 }]);
    await emulator.control.setFaults({ errorRate: 0.3 });
    const onflow = client({ maxRetries: 8 });
    const calls = Array.from({ length: 30 }, (_, index) =>
      index % 3 === 0
        ? onflow.createShipment({
            warehouseCode: WAREHOUSE,
            platform: "tiki",
            merchantReference: `SO-${index}`,
            items: [{ oasin, quantity: 1 }],
            receiver: { name: "Trần Văn An", phone: "0912345678", address: "5 Hàng Bạc", ward: "Phường Hàng Bạc", district: "Quận Hoàn Kiếm", province: "Thành phố Hà Nội" },
          })
        : onflow.getProduct(oasin),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const counters = await emulator.control.counters();
    expect(counters.injectedUnavailable).toBeGreaterThan(0);
    expect((await onflow.listShipments({ page: 1, pageSize: 50 })).total).toBe(10);
  });

  it("tries a permanent error exactly once", async () => {
    const error = await failureOf(client().getProduct("OASIN404"));
    expect(error).toMatchObject({ code: "NOT_FOUND", retryable: false });
    const requests = await emulator.control.requests();
    expect(requests.filter((request) => request.path === "/api/v1/products/OASIN404/detail")).toHaveLength(1);
  });

  it("waits out a 429 burst, then succeeds", async () => {
    await emulator.control.setFaults({ rateLimitBurst: 1 });
    expect(await client().listBrands()).toHaveLength(3);
    const requests = await emulator.control.requests();
    expect(requests.map((request) => request.status)).toEqual([429, 200]);
  });

  it("retries a read after a dropped connection but leaves an ambiguous create to the caller", async () => {
    await emulator.control.setFaults({ dropConnections: 1 });
    expect(await client().listWarehouses()).toHaveLength(3);

    const [{ oasin }] = await emulator.control.seedCatalogue([{ sku: "TEA-2", name: "Trà", warehouseCode: WAREHOUSE }]);
    await emulator.control.clearRequests();
    await emulator.control.setFaults({ dropConnections: 1 });
    const error = await failureOf(
      client().createPurchaseOrder({ warehouseCode: WAREHOUSE, packages: [{ packageCode: "CTN-1", items: [{ oasin, quantity: 1 }] }] }),
    );
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: null, retryable: true });
    expect(await emulator.control.requests()).toHaveLength(1);
  });

  it("gives up on a slow answer with a retryable TIMEOUT", async () => {
    await emulator.control.setFaults({ latencyMs: 400 });
    const error = await failureOf(client({ timeoutMs: 100, maxRetries: 1 }).listWarehouses());
    expect(error).toBeInstanceOf(OnflowError);
    expect(error).toMatchObject({ code: "TIMEOUT", retryable: true });
  });
});

describe("the token stays secret", () => {
  it("is redacted even when the server echoes it back in an error", async () => {
    const token = "sk-onflow-4b1d9e0c";
    const echoingServer: typeof fetch = async (_input, init) => {
      const sent = new Headers(init?.headers).get("Authorization");
      return new Response(
        JSON.stringify({ data: null, error: true, error_code: "FORBIDDEN", log_id: "abc", messages: `Token ${sent} lacks access`, total: 0, version: "1.0.3", error_detail: { token: sent } }),
        { status: 403, headers: { "Content-Type": "application/json" } },
      );
    };
    const onflow = createOnflowClient({ baseUrl: "http://onflow.invalid", token, fetch: echoingServer });
    const error = await failureOf(onflow.listWarehouses());
    expect(error).toMatchObject({ status: 403, code: "FORBIDDEN", retryable: false, logId: "abc" });
    expect(JSON.stringify({ message: error.message, messages: error.messages, detail: error.errorDetail, stack: error.stack })).not.toContain(token);
  });
});
