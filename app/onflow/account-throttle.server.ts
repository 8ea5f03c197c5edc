/**
 * One request budget per Onflow account (token + base URL), shared by every client instance in
 * the process, because Onflow counts per account, not per caller.
 */
import { createHash } from "node:crypto";
import Bottleneck from "bottleneck";

export interface AccountThrottle {
  schedule<Result>(task: () => Promise<Result>): Promise<Result>;
  /** Hold every queued call of the account, e.g. after a 429 with Retry-After. */
  pauseFor(milliseconds: number): void;
}

const throttles = new Map<string, { throttle: AccountThrottle; limiter: Bottleneck }>();

function accountKey(baseUrl: string, token: string): string {
  // Hashed so the token is never kept as a readable map key (heap dumps, debug output).
  return createHash("sha256").update(`${baseUrl}\n${token}`).digest("hex");
}

function minTimeFor(requestsPerSecond: number): number {
  return Math.ceil(1000 / requestsPerSecond);
}

/** Evenly spaced starts (not bursts) so a token-bucket server with the same rate never refuses us. */
export function throttleForAccount(baseUrl: string, token: string, requestsPerSecond: number): AccountThrottle {
  const key = accountKey(baseUrl, token);
  const existing = throttles.get(key);
  if (existing) {
    // The last configured rate wins: there is one budget per account.
    void existing.limiter.updateSettings({ minTime: minTimeFor(requestsPerSecond) });
    return existing.throttle;
  }

  const limiter = new Bottleneck({ minTime: minTimeFor(requestsPerSecond) });
  let pausedUntil = 0;
  let resumeTimer: NodeJS.Timeout | undefined;

  const throttle: AccountThrottle = {
    schedule: (task) => limiter.schedule(task),
    pauseFor(milliseconds) {
      const until = Date.now() + milliseconds;
      if (until <= pausedUntil) return;
      pausedUntil = until;
      // A reservoir of 0 holds queued jobs; lifting it lets them drain at the usual spacing.
      void limiter.updateSettings({ reservoir: 0 });
      clearTimeout(resumeTimer);
      resumeTimer = setTimeout(() => void limiter.updateSettings({ reservoir: null }), milliseconds);
      resumeTimer.unref();
    },
  };
  throttles.set(key, { throttle, limiter });
  return throttle;
}
