import { describeError, PermanentJobError } from "~/jobs/errors";
import type { JobContext } from "~/jobs/job-context";
import { moveHandoff, type HandoffState } from "~/models/handoff.server";
import { isOnflowError } from "~/onflow/errors";

const IN_FLIGHT: HandoffState[] = ["requested", "submitting", "retrying"];

/**
 * Runs one hand-off step. A transient failure leaves the row "retrying" and is rethrown for the
 * worker's backoff; on the job's last attempt, or for a failure retrying cannot fix, the row becomes
 * "needs_attention" with the reason the dashboard shows beside its Retry button.
 */
export async function markNeedsAttentionWhenOutOfAttempts(job: JobContext, handoffId: string, step: () => Promise<void>) {
  try {
    await step();
  } catch (error) {
    const reason = describeError(error);
    const permanent = error instanceof PermanentJobError || (isOnflowError(error) && !error.retryable);
    const outOfAttempts = job.attempt >= job.maxAttempts;
    await moveHandoff(handoffId, IN_FLIGHT, permanent || outOfAttempts ? "needs_attention" : "retrying", { reason });
    if (permanent && !(error instanceof PermanentJobError)) throw new PermanentJobError(reason, { cause: error });
    throw error;
  }
}
