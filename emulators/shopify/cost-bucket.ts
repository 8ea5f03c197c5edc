// Shopify's leaky bucket for Admin GraphQL: each shop has `maximumAvailable` points that refill at
// `restoreRate` per second; a query first takes its requested cost, then gets back what it did
// not use. The clock is injectable so tests can refill the bucket without waiting.

export interface ThrottleSettings {
  maximumAvailable: number;
  restoreRate: number;
}

export interface ThrottleStatus extends ThrottleSettings {
  currentlyAvailable: number;
}

export class CostBucket {
  private available: number;
  private lastRefill: number;
  /** How many requests found the bucket too empty: the benchmark's "throttle events". */
  refusals = 0;

  constructor(
    private settings: ThrottleSettings,
    private readonly now: () => number,
  ) {
    this.available = settings.maximumAvailable;
    this.lastRefill = now();
  }

  configure(settings: ThrottleSettings): void {
    this.refill();
    this.settings = settings;
    this.available = Math.min(this.available, settings.maximumAvailable);
  }

  /** Takes `cost` points if the bucket holds that many; otherwise takes nothing. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) {
      this.refusals++;
      return false;
    }
    this.available -= cost;
    return true;
  }

  giveBack(points: number): void {
    this.refill();
    this.available = Math.min(this.settings.maximumAvailable, this.available + points);
  }

  status(): ThrottleStatus {
    this.refill();
    return { ...this.settings, currentlyAvailable: Math.floor(this.available) };
  }

  private refill(): void {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.lastRefill) / 1000;
    this.available = Math.min(this.settings.maximumAvailable, this.available + elapsedSeconds * this.settings.restoreRate);
    this.lastRefill = now;
  }
}
