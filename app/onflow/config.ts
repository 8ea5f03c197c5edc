/**
 * Where Onflow's Open API lives and the account-wide defaults we assume.
 * Facts follow shared/onflow-api/README.md §1–§3 and §8; the production host is not documented.
 */

export type OnflowEnvironment = "staging" | "production" | "custom";

/** [doc] README §1. */
export const ONFLOW_STAGING_BASE_URL = "https://open-api-dev.nandh.vn";

/** [doc] README §3: most endpoints live under `/api/v1`, so the prefix is configurable. */
export const DEFAULT_ONFLOW_API_PREFIX = "/api";

/** [unknown] README §8: 600 requests/minute was reported; we stay at or below it. */
export const ONFLOW_RATE_LIMIT_PER_SECOND = 10;

/**
 * [inferred] shipment-b2c.md §1: only marketplace values (`lazada` documented; `shopee`, `tiktok`,
 * `tiki`) and, once Onflow ships its retail flow, `retail`. A Shopify order is the merchant's own
 * shop, which is what "retail" means, so that is our default; merchants can override it.
 */
export const DEFAULT_SHIPMENT_PLATFORM = "retail";

/** [inferred] shipment-b2c.md §1. */
export const KNOWN_SHIPMENT_PLATFORMS = ["shopee", "lazada", "tiktok", "tiki", "retail"] as const;

/**
 * Production has no documented host, so it must be supplied; we refuse to guess one.
 */
export function resolveOnflowBaseUrl(environment: OnflowEnvironment, configuredBaseUrl?: string): string {
  if (environment === "staging") return configuredBaseUrl ?? ONFLOW_STAGING_BASE_URL;
  if (!configuredBaseUrl) {
    throw new Error(`The Onflow ${environment} base URL is not documented: configure it explicitly.`);
  }
  return configuredBaseUrl;
}
