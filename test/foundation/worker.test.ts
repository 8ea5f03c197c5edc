import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { PermanentJobError } from "~/jobs/errors";
import type { JobHandler } from "~/jobs/job-context";
import { handlerFor } from "~/jobs/registry.server";
import { Worker } from "~/jobs/worker.server";
import { enqueueJob } from "~/models/job.server";
import { installShop } from "../factories/shop";

const SHOP = "worker-shop.myshopify.com";

function workerWith(handlers: Record<string, JobHandler>, owner = "test-worker") {
  return new Worker({
    handlers: (topic) => handlers[topic] ?? handlerFor(topic),
    pollMs: 10,
    concurrency: 2,
    leaseMs: 60_000,
    backoffBaseMs: 1000,
    backoffCapMs: 60_000,
    owner,
  });
}

async function job(deliveryId: string) {
  return prisma.job.findFirstOrThrow({ where: { deliveryId } });
}

describe("worker", () => {
  beforeEach(async () => {
    await prisma.job.deleteMany();
    await prisma.lease.deleteMany();
    await installShop(SHOP);
  });

  it("handles a stored delivery once, even when two workers drain at the same time", async () => {
    let handled = 0;
    const handlers = { TEST_TOPIC: async () => void handled++ };
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "TEST_TOPIC", deliveryId: "once", payload: {} });
    await Promise.all([workerWith(handlers, "a").drainOnce(), workerWith(handlers, "b").drainOnce()]);
    await workerWith(handlers, "c").drainOnce();
    expect(handled).toBe(1);
    expect((await job("once")).status).toBe("done");
  });

  it("retries a failing handler with doubling, jittered delays and parks it as dead with the error", async () => {
    const failing = { TEST_TOPIC: async () => Promise.reject(new Error("Onflow said no")) };
    await enqueueJob({ shop: SHOP, source: "internal", topic: "TEST_TOPIC", deliveryId: "flaky", payload: {}, maxAttempts: 4 });
    const worker = workerWith(failing);
    const delays: number[] = [];
    let now = new Date();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await worker.drainOnce(now)).toBe(1);
      const after = await job("flaky");
      if (attempt < 4) {
        expect(after.status).toBe("retrying");
        delays.push(after.runAt.getTime() - Date.now());
        // Not due before its backoff: nothing runs.
        expect(await worker.drainOnce(now)).toBe(0);
        now = new Date(after.runAt.getTime() + 1);
      }
    }
    const dead = await job("flaky");
    expect(dead).toMatchObject({ status: "dead", attempts: 4, lastError: "Onflow said no" });
    // Equal jitter: attempt n waits between half and all of base × 2^(n-1) (base 1 s here).
    delays.forEach((delay, index) => {
      const window = 1000 * 2 ** index;
      expect(delay).toBeGreaterThan(window / 2 - 250);
      expect(delay).toBeLessThanOrEqual(window);
    });
  });

  it("parks a malformed payload as dead at once, with the reason", async () => {
    const handlers = {
      TEST_TOPIC: async () => {
        throw new PermanentJobError("Malformed products/create payload: id is missing");
      },
    };
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "TEST_TOPIC", deliveryId: "malformed", payload: {} });
    await workerWith(handlers).drainOnce();
    expect(await job("malformed")).toMatchObject({ status: "dead", attempts: 1, lastError: "Malformed products/create payload: id is missing" });
  });

  it("marks a job whose topic has no handler as unhandled", async () => {
    await enqueueJob({ shop: SHOP, source: "shopify", topic: "COLLECTIONS_CREATE", deliveryId: "nobody", payload: {} });
    await workerWith({}).drainOnce();
    expect(await job("nobody")).toMatchObject({ status: "unhandled", lastError: "No handler for topic COLLECTIONS_CREATE" });
  });

  it("takes back a job whose worker died mid-run once its lease runs out", async () => {
    let handled = 0;
    await enqueueJob({ shop: SHOP, source: "internal", topic: "TEST_TOPIC", deliveryId: "orphan", payload: {} });
    await prisma.job.updateMany({ where: { deliveryId: "orphan" }, data: { status: "running", leaseOwner: "dead-process", leaseUntil: new Date(Date.now() - 1000) } });
    await workerWith({ TEST_TOPIC: async () => void handled++ }).drainOnce();
    expect(handled).toBe(1);
  });
});

describe("worker leases", () => {
  beforeEach(async () => {
    await prisma.job.deleteMany();
    await prisma.lease.deleteMany();
    await installShop(SHOP);
  });

  it("keeps a long job's lease alive, so another worker cannot take it over mid-run", async () => {
    let runs = 0;
    let release!: () => void;
    const finished = new Promise<void>((resolve) => (release = resolve));
    const slow = { TEST_TOPIC: async () => void (runs++, await finished) };
    await enqueueJob({ shop: SHOP, source: "internal", topic: "TEST_TOPIC", deliveryId: "long", payload: {} });
    const shortLeases = (owner: string) => new Worker({ handlers: (t) => slow[t as keyof typeof slow], pollMs: 10, concurrency: 1, leaseMs: 300, backoffBaseMs: 1000, backoffCapMs: 60_000, owner });
    const first = shortLeases("first").drainOnce();
    // Well past the original 300 ms lease: without renewal the second worker would start a second run.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const second = shortLeases("second").drainOnce();
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect((await job("long")).status).toBe("done");
  });
});
