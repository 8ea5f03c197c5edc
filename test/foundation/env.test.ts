import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
  ENCRYPTION_KEY: "ab".repeat(32),
};

describe("environment", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ PORT: 3000, WORKER_ENABLED: true, DATABASE_URL: "file:./prisma/dev.sqlite" });
  });

  it("names every missing or malformed variable at once", () => {
    const { SHOPIFY_API_SECRET: _secret, ...withoutSecret } = valid;
    expect(() => parseEnv({ ...withoutSecret, ENCRYPTION_KEY: "short" })).toThrowError(/SHOPIFY_API_SECRET: missing[\s\S]*ENCRYPTION_KEY: invalid/);
  });
});
