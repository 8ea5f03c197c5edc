import { describe, expect, it } from "vitest";
import { backoffDelay } from "./retry-policy";

describe("backoffDelay", () => {
  it("doubles the window each attempt and keeps at least half of it", () => {
    const options = { baseMs: 1000, capMs: 60_000 };
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, { ...options, random: () => 0 }))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, { ...options, random: () => 1 }))).toEqual([1000, 2000, 4000]);
  });

  it("never waits longer than the cap", () => {
    expect(backoffDelay(30, { baseMs: 1000, capMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
