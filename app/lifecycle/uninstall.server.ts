import type { JobContext } from "~/jobs/job-context";
import { cancelPendingJobs } from "~/models/job.server";
import { markUninstalled } from "~/models/shop.server";
import { AFTER_UNINSTALL_TOPICS } from "./after-uninstall";

/** Sessions go, the shop is marked uninstalled and its queued work is cancelled; repeat-safe. */
export async function handleAppUninstalled(job: JobContext) {
  await markUninstalled(job.shop, new Date());
  await cancelPendingJobs(job.shop, AFTER_UNINSTALL_TOPICS);
}
