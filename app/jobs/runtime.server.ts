import { env } from "~/env.server";
import { log } from "~/logger.server";
import { handlerFor, jobMayRun } from "./registry.server";
import { Scheduler } from "./scheduler.server";
import { Worker } from "./worker.server";

interface Runtime {
  worker: Worker;
  scheduler: Scheduler;
}

declare global {
  // One runtime per process, also across Vite dev reloads.
  var onflowRuntime: Runtime | undefined;
}

/** Starts the in-process worker and scheduler once (see docs/decisions/004-in-process-worker.md). */
export function startBackgroundWork(): Runtime | undefined {
  const config = env();
  if (!config.WORKER_ENABLED || globalThis.onflowRuntime) return globalThis.onflowRuntime;
  const onError = (error: unknown) => log.error("background work failed", { error });
  const worker = new Worker({
    handlers: handlerFor,
    mayRun: jobMayRun,
    pollMs: config.WORKER_POLL_MS,
    concurrency: config.WORKER_CONCURRENCY,
    leaseMs: 60_000,
    backoffBaseMs: config.WORKER_BACKOFF_BASE_MS,
    backoffCapMs: 30 * 60_000,
    onError,
  });
  const scheduler = new Scheduler(config.SCHEDULER_TICK_MS, worker.owner, onError);
  worker.start();
  scheduler.start();
  globalThis.onflowRuntime = { worker, scheduler };
  const stop = () => {
    scheduler.stop();
    void worker.stop();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return globalThis.onflowRuntime;
}

export function nudgeWorker() {
  globalThis.onflowRuntime?.worker.nudge();
}
