/**
 * When and how long to wait before trying an Onflow call again. Pure, so it is unit-tested alone.
 */
import { wasCertainlyNotApplied, type OnflowError } from "./errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After than this is handed back to the caller (the job queue) instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

/**
 * Creates are not idempotent at Onflow, so after an ambiguous failure (timeout, reset, most 5xx)
 * they are left to the caller, who can look the record up by its merchant reference first.
 */
export function shouldRetry(error: OnflowError, options: { attempt: number; idempotent: boolean; policy: RetryPolicy }): boolean {
  if (!error.retryable || options.attempt >= options.policy.maxRetries) return false;
  if (error.retryAfterMs !== null && error.retryAfterMs > options.policy.maxRetryAfterMs) return false;
  return options.idempotent || wasCertainlyNotApplied(error);
}

/** Exponential backoff with full jitter, but never sooner than the server asked. */
export function retryDelayMs(
  error: OnflowError,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const backoff = Math.round(random() * ceiling);
  return Math.max(backoff, error.retryAfterMs ?? 0);
}

/** RFC 9110 §10.2.3: either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: Date = new Date()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
