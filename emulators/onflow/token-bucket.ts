/**
 * Per-token request budget: capacity equal to the rate, refilled continuously, so a client that
 * spaces its calls at 1/rate is never refused while a burst above the rate is.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = ratePerSecond;
    this.refilledAt = now();
  }

  /** Returns 0 when the request may pass, else the milliseconds until a token is available. */
  take(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  setRate(ratePerSecond: number): void {
    this.refill();
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, ratePerSecond);
  }

  private refill(): void {
    const current = this.now();
    this.tokens = Math.min(this.ratePerSecond, this.tokens + ((current - this.refilledAt) / 1000) * this.ratePerSecond);
    this.refilledAt = current;
  }
}
