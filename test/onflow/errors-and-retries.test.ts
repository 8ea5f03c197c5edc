/**
 * Which failures are worth another try, and how long to wait: pure policy, no network.
 */
import { describe, expect, it } from "vitest";
import { OnflowError, isRetryableFailure } from "../../app/onflow/errors";
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, shouldRetry } from "../../app/onflow/retry-policy";

const failure = (status: number | null, code: string, retryAfterMs: number | null = null) =>
  new OnflowError({ endpoint: "createShipment", status, code, messages: "x", retryAfterMs });

describe("classification", () => {
  it.each([
    [429, "TOO_MANY_REQUESTS"],
    [500, "INTERNAL_SERVER_ERROR"],
    [502, "HTTP_502"],
    [503, "SERVICE_UNAVAILABLE"],
    [408, "REQUEST_TIMEOUT"],
    [null, "TIMEOUT"],
    [null, "NETWORK_ERROR"],
    [null, "CONNECTION_REFUSED"],
  ])("treats %s %s as retryable", (status, code) => {
    expect(isRetryableFailure(status, code)).toBe(true);
  });

  it.each([
    [400, "BAD_REQUEST"],
    [401, "UNAUTHORIZED"],
    [403, "FORBIDDEN"],
    [404, "NOT_FOUND"],
    [404, "PRODUCTS_BY_OASIN_NOT_FOUND"],
    [422, "PRODUCTS_NOT_MAPPED_IN_WAREHOUSE"],
    [422, "PRODUCTS_INACTIVE"],
    [422, "INVALID_PAYLOAD"],
    [200, "INVALID_RESPONSE"],
  ])("treats %s %s as permanent", (status, code) => {
    expect(isRetryableFailure(status, code)).toBe(false);
  });

  it("says what failed without leaking anything but Onflow's message", () => {
    expect(failure(404, "NOT_FOUND").message).toBe("Onflow createShipment failed (HTTP 404, NOT_FOUND): x");
    expect(failure(null, "TIMEOUT").message).toBe("Onflow createShipment failed (no response, TIMEOUT): x");
  });
});

describe("retry decisions", () => {
  const policy = DEFAULT_RETRY_POLICY;

  it("retries reads on any retryable failure until the budget is spent", () => {
    expect(shouldRetry(failure(null, "TIMEOUT"), { attempt: 0, idempotent: true, policy })).toBe(true);
    expect(shouldRetry(failure(null, "TIMEOUT"), { attempt: policy.maxRetries, idempotent: true, policy })).toBe(false);
    expect(shouldRetry(failure(404, "NOT_FOUND"), { attempt: 0, idempotent: true, policy })).toBe(false);
  });

  it("retries a create only when Onflow certainly did not act on it", () => {
    expect(shouldRetry(failure(429, "TOO_MANY_REQUESTS"), { attempt: 0, idempotent: false, policy })).toBe(true);
    expect(shouldRetry(failure(503, "SERVICE_UNAVAILABLE"), { attempt: 0, idempotent: false, policy })).toBe(true);
    expect(shouldRetry(failure(null, "CONNECTION_REFUSED"), { attempt: 0, idempotent: false, policy })).toBe(true);
    expect(shouldRetry(failure(null, "TIMEOUT"), { attempt: 0, idempotent: false, policy })).toBe(false);
    expect(shouldRetry(failure(500, "INTERNAL_SERVER_ERROR"), { attempt: 0, idempotent: false, policy })).toBe(false);
  });

  it("hands a very long Retry-After back to the caller", () => {
    expect(shouldRetry(failure(429, "TOO_MANY_REQUESTS", 120_000), { attempt: 0, idempotent: true, policy })).toBe(false);
  });

  it("backs off exponentially with jitter, never sooner than Retry-After", () => {
    const lowest = () => 0;
    const highest = () => 1;
    expect(retryDelayMs(failure(503, "X"), 0, policy, highest)).toBe(250);
    expect(retryDelayMs(failure(503, "X"), 3, policy, highest)).toBe(2000);
    expect(retryDelayMs(failure(503, "X"), 10, policy, highest)).toBe(policy.maxDelayMs);
    expect(retryDelayMs(failure(503, "X"), 2, policy, lowest)).toBe(0);
    expect(retryDelayMs(failure(429, "X", 1000), 0, policy, lowest)).toBe(1000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-11-27T10:00:00Z");
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
