import { enqueueJob } from "~/models/job.server";
import { acquireLease } from "~/models/lease.server";
import { minimiseFinishedPayloads } from "~/models/privacy.server";
import { connectedShops } from "~/models/shop.server";
import { scheduledTasks, slotKey } from "./schedule.server";

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tickMs: number,
    private readonly owner: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** The first tick comes one interval after start, so a process starting up serves requests first. */
  start() {
    const tick = () => {
      this.tick().catch(this.onError);
    };
    this.timer = setInterval(tick, this.tickMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  async tick(now = new Date()) {
    for (const shop of await connectedShops()) {
      for (const task of scheduledTasks) {
        await enqueueJob({ shop: shop.domain, source: "internal", topic: task.topic, deliveryId: slotKey(task, shop, now), payload: { scheduledAt: now.toISOString() } });
      }
    }
    if (await acquireLease("maintenance", this.owner, this.tickMs, now)) {
      await minimiseFinishedPayloads();
    }
  }
}
