import { randomUUID } from "node:crypto";
import { claimJob, finishJob, nextClaimableJobs, renewJobLease, scheduleRetry } from "~/models/job.server";
import { acquireLease, liveLeaseNames, releaseLease } from "~/models/lease.server";
import { describeError, PermanentJobError, RetryLaterError } from "./errors";
import type { JobHandler } from "./job-context";
import { backoffDelay } from "./retry-policy";

export interface WorkerOptions {
  handlers: (topic: string) => JobHandler | undefined;
  /** Whether a job may still run for its shop (an uninstalled shop's work is cancelled). */
  mayRun?: (shop: string, topic: string) => Promise<boolean>;
  pollMs: number;
  concurrency: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  owner?: string;
  onError?: (error: unknown) => void;
}

const SHOP_LEASE = "shop-work:";

/**
 * Runs queued jobs. Work for one shop is serialised by a per-shop lease so one shop's token refresh
 * and Onflow rate budget are used by one job at a time; different shops run side by side.
 */
export class Worker {
  readonly owner: string;
  private running = false;
  private active = new Set<Promise<void>>();
  private wake: (() => void) | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.owner = options.owner ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  start() {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await Promise.allSettled([...this.active]);
  }

  /** Lets a webhook that was just stored be picked up without waiting for the next poll. */
  nudge() {
    this.wake?.();
  }

  /** Claims and runs whatever is due now; returns how many jobs ran. Used by the loop and by tests. */
  async drainOnce(now = new Date()): Promise<number> {
    const busyShops = await liveLeaseNames(SHOP_LEASE, now);
    const candidates = await nextClaimableJobs(now, busyShops, this.options.concurrency * 4);
    const shopsTaken = new Set<string>();
    const runs: Promise<void>[] = [];
    for (const candidate of candidates) {
      if (runs.length >= this.options.concurrency) break;
      if (shopsTaken.has(candidate.shop)) continue;
      if (!(await acquireLease(SHOP_LEASE + candidate.shop, this.owner, this.options.leaseMs, now))) continue;
      const job = await claimJob(candidate.id, this.owner, now, this.options.leaseMs);
      if (!job) {
        await releaseLease(SHOP_LEASE + candidate.shop, this.owner);
        continue;
      }
      shopsTaken.add(job.shop);
      runs.push(this.run(job).finally(() => releaseLease(SHOP_LEASE + job.shop, this.owner)));
    }
    await Promise.all(runs);
    return runs.length;
  }

  /**
   * Leases are short so a crashed worker's job is taken back quickly; a live worker renews its job
   * and shop leases while the handler runs, so long jobs (a big stock run) are never run twice.
   */
  private keepLeases(jobId: string, shop: string): () => void {
    const renew = () => {
      const until = new Date(Date.now() + this.options.leaseMs);
      Promise.all([renewJobLease(jobId, this.owner, until), acquireLease(SHOP_LEASE + shop, this.owner, this.options.leaseMs)]).catch(
        (error) => this.options.onError?.(error),
      );
    };
    const timer = setInterval(renew, Math.max(10, Math.floor(this.options.leaseMs / 3)));
    timer.unref();
    return () => clearInterval(timer);
  }

  private async run(job: NonNullable<Awaited<ReturnType<typeof claimJob>>>) {
    const handler = this.options.handlers(job.topic);
    if (!handler) {
      await finishJob(job.id, this.owner, "unhandled", `No handler for topic ${job.topic}`);
      return;
    }
    if (this.options.mayRun && !(await this.options.mayRun(job.shop, job.topic))) {
      await finishJob(job.id, this.owner, "cancelled", "The shop does not have the app installed");
      return;
    }
    const stopRenewing = this.keepLeases(job.id, job.shop);
    try {
      await handler({
        id: job.id,
        shop: job.shop,
        topic: job.topic,
        source: job.source,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        payload: JSON.parse(job.payload),
      });
      stopRenewing();
      await finishJob(job.id, this.owner, "done");
    } catch (error) {
      stopRenewing();
      await this.recordFailure(job, error);
    }
  }

  private async recordFailure(job: { id: string; attempts: number; maxAttempts: number }, error: unknown) {
    const message = describeError(error);
    if (error instanceof RetryLaterError) {
      await scheduleRetry(job.id, this.owner, new Date(Date.now() + error.delayMs), message);
      return;
    }
    if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      await finishJob(job.id, this.owner, "dead", message);
      return;
    }
    const delay = backoffDelay(job.attempts, { baseMs: this.options.backoffBaseMs, capMs: this.options.backoffCapMs });
    await scheduleRetry(job.id, this.owner, new Date(Date.now() + delay), message);
  }

  private async loop() {
    while (this.running) {
      let ran = 0;
      const pass = this.drainOnce().then(
        (count) => {
          ran = count;
        },
        (error) => this.options.onError?.(error),
      );
      this.active.add(pass);
      await pass;
      this.active.delete(pass);
      if (ran > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
