import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import prisma from "~/db.server";
import { RetryLaterError } from "~/jobs/errors";
import { handlerFor } from "~/jobs/registry.server";
import { scheduledTasks } from "~/jobs/schedule.server";
import { Scheduler } from "~/jobs/scheduler.server";
import { Worker } from "~/jobs/worker.server";
import { acquireLease, releaseLease } from "~/models/lease.server";
import { runStockSync } from "~/sync/stock/run-stock-sync.server";
import { requestStockSync } from "~/sync/stock/request-stock-sync.server";
import { STOCK_SYNC_TOPIC } from "~/sync/stock/topics";
import { connectOnflow, installShop } from "../factories/shop";

const SHOP = "schedule-shop.myshopify.com";
let onflow: RunningOnflowEmulator;

beforeAll(async () => {
  onflow = await startOnflowEmulator({ tokens: ["sched-token"], rateLimitPerSecond: 1000 });
  await installShop(SHOP);
  // No catalogue links: each run reads Onflow and has nothing to write, so Shopify is never called.
  await connectOnflow(SHOP, { baseUrl: onflow.url, token: "sched-token", locationId: "gid://shopify/Location/1" });
});

afterAll(async () => {
  await onflow.close();
});

const stockJobs = () => prisma.job.findMany({ where: { shop: SHOP, topic: STOCK_SYNC_TOPIC }, orderBy: { createdAt: "asc" } });

const runningNow = new Map<string, number>();
let mostAtOnceForShop = 0;

/** The real handlers, watched for two runs of one shop overlapping. */
function watchedHandler(topic: string) {
  const handler = handlerFor(topic);
  return (
    handler &&
    (async (job: Parameters<NonNullable<typeof handler>>[0]) => {
      const running = (runningNow.get(job.shop) ?? 0) + 1;
      runningNow.set(job.shop, running);
      if (job.shop === SHOP) mostAtOnceForShop = Math.max(mostAtOnceForShop, running);
      try {
        await handler(job);
      } finally {
        runningNow.set(job.shop, (runningNow.get(job.shop) ?? 1) - 1);
      }
    })
  );
}

function worker(owner: string) {
  return new Worker({ handlers: watchedHandler, pollMs: 10, concurrency: 2, leaseMs: 60_000, backoffBaseMs: 10, backoffCapMs: 100, owner });
}

describe("scheduled stock runs", () => {
  it("is scheduled every stockIntervalMinutes", () => {
    const task = scheduledTasks.find((candidate) => candidate.topic === STOCK_SYNC_TOPIC);
    expect(task?.intervalMs({ stockIntervalMinutes: 15 } as never)).toBe(15 * 60_000);
  });

  it("enqueues one run per time slot across processes, and does not stack slots missed while down", async () => {
    await prisma.job.deleteMany({ where: { shop: SHOP } });
    const slotStart = new Date("2026-11-27T10:00:00Z");
    const processA = new Scheduler(60_000, "process-a", () => {});
    const processB = new Scheduler(60_000, "process-b", () => {});
    await processA.tick(slotStart);
    await processB.tick(new Date(slotStart.getTime() + 60_000));
    expect(await stockJobs()).toHaveLength(1);

    // Down for an hour (four 15-minute slots): the next tick adds one run, not four.
    await processA.tick(new Date(slotStart.getTime() + 75 * 60_000));
    const jobs = await stockJobs();
    expect(jobs).toHaveLength(2);
    expect(JSON.parse(jobs[1]!.payload)).toHaveProperty("scheduledAt");
  });

  it("queues one manual run for repeated clicks on Sync stock now", async () => {
    await prisma.job.deleteMany({ where: { shop: SHOP } });
    const now = new Date("2026-11-27T11:00:10Z");
    expect(await requestStockSync(SHOP, now)).toBe(true);
    expect(await requestStockSync(SHOP, new Date(now.getTime() + 5_000))).toBe(false);
    expect((await stockJobs()).map((job) => JSON.parse(job.payload))).toEqual([{ trigger: "manual" }]);
  });

  it("records a run that cannot start, with the reason, and parks the job", async () => {
    const unready = "no-location.myshopify.com";
    await installShop(unready);
    await connectOnflow(unready, { baseUrl: onflow.url, token: "sched-token" });
    await requestStockSync(unready);
    while ((await worker("process-a").drainOnce()) > 0);

    const run = await prisma.stockRun.findFirstOrThrow({ where: { shop: unready } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/Onflow location is not registered/);
    expect(run.finishedAt).not.toBeNull();
    const job = await prisma.job.findFirstOrThrow({ where: { shop: unready, topic: STOCK_SYNC_TOPIC } });
    expect(job.status).toBe("dead");
  });

  it("makes a second run wait while one is in progress, even past the worker's own lease", async () => {
    await prisma.stockRun.deleteMany({ where: { shop: SHOP } });
    await acquireLease(`stock-run:${SHOP}`, "a-run-in-another-process", 60_000);
    await expect(runStockSync(SHOP, { trigger: "manual" })).rejects.toBeInstanceOf(RetryLaterError);
    expect(await prisma.stockRun.count({ where: { shop: SHOP } })).toBe(0);
    await releaseLease(`stock-run:${SHOP}`, "a-run-in-another-process");
    await expect(runStockSync(SHOP, { trigger: "manual" })).resolves.toMatchObject({ status: "succeeded" });
  });

  it("never runs the same shop's stock in two workers at once", async () => {
    await prisma.job.deleteMany({ where: { shop: SHOP } });
    await prisma.stockRun.deleteMany({ where: { shop: SHOP } });
    // Slow Onflow answers keep each run open long enough that an overlap would be seen.
    await onflow.control.setFaults({ latencyMs: 150 });
    await requestStockSync(SHOP);
    const scheduler = new Scheduler(60_000, "process-a", () => {});
    await scheduler.tick();
    const first = worker("process-a");
    const second = worker("process-b");
    for (let pass = 0; pass < 10; pass++) {
      const [ranA, ranB] = await Promise.all([first.drainOnce(), second.drainOnce()]);
      if (ranA + ranB === 0 && (await stockJobs()).every((job) => job.status === "done")) break;
    }

    await onflow.control.clearFaults();

    expect(mostAtOnceForShop).toBe(1);
    const runs = await prisma.stockRun.findMany({ where: { shop: SHOP }, orderBy: { startedAt: "asc" } });
    expect(runs.map((run) => [run.trigger, run.status])).toEqual(expect.arrayContaining([["manual", "succeeded"], ["scheduled", "succeeded"]]));
    expect(runs).toHaveLength(2);
    expect(runs[1]!.startedAt.getTime()).toBeGreaterThanOrEqual(runs[0]!.finishedAt!.getTime());
  });
});
