import type { Shop } from "@prisma/client";
import { ORDER_SCHEDULED_TASKS } from "~/sync/orders/schedule";
import { stockSyncTask } from "~/sync/stock/topics";

export interface ScheduledTask {
  /** The job topic enqueued for a shop when the task is due. */
  topic: string;
  intervalMs: (shop: Shop) => number;
}

/** Periodic per-shop work; capabilities add their task here. */
export const scheduledTasks: ScheduledTask[] = [stockSyncTask, ...ORDER_SCHEDULED_TASKS];

/**
 * A run is identified by its time slot, so every process that ticks in the same slot enqueues the
 * same delivery id (stored once), and slots missed while the app was down are simply never created.
 */
export function slotKey(task: ScheduledTask, shop: Shop, now: Date): string {
  const interval = task.intervalMs(shop);
  return `${task.topic}:${shop.domain}:${Math.floor(now.getTime() / interval)}`;
}
