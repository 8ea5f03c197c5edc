import { randomUUID } from "node:crypto";
import { RetryLaterError } from "~/jobs/errors";
import { log } from "~/logger.server";
import { acquireLease, releaseLease } from "~/models/lease.server";

const TTL_MS = 2 * 60_000;

export interface HeldLease {
  release(): Promise<void>;
}

/**
 * A full run of a large catalogue can outlast the worker's per-shop lease (Shopify's throttle alone
 * makes 10,000 SKUs take minutes), so the stock run holds its own lease and renews it while it works:
 * a second run of the same shop, in any process, waits instead of writing alongside it.
 */
export async function holdStockRunLease(shop: string): Promise<HeldLease> {
  const name = `stock-run:${shop}`;
  const owner = randomUUID();
  if (!(await acquireLease(name, owner, TTL_MS))) throw new RetryLaterError(`A stock run for ${shop} is already in progress`, TTL_MS / 2);
  const renew = setInterval(() => {
    acquireLease(name, owner, TTL_MS).catch((error: unknown) => log.warn("could not renew the stock run lease", { shop, error }));
  }, TTL_MS / 4);
  renew.unref();
  return {
    async release() {
      clearInterval(renew);
      await releaseLease(name, owner);
    },
  };
}
