/**
 * Trouble the emulator can be told to cause, decided per request from a seeded random source.
 */
export interface FaultSettings {
  /** Share of API requests answered 503 SERVICE_UNAVAILABLE, 0–1. */
  errorRate: number;
  /** Added before every API answer. */
  latencyMs: number;
  /** The next N API requests are answered 429 whatever the budget. */
  rateLimitBurst: number;
  /** The next N API requests have their connection destroyed without an answer. */
  dropConnections: number;
}

export const NO_FAULTS: FaultSettings = { errorRate: 0, latencyMs: 0, rateLimitBurst: 0, dropConnections: 0 };

export type FaultDecision = "drop" | "rate_limit" | "unavailable" | null;

export class FaultInjector {
  settings: FaultSettings = { ...NO_FAULTS };

  constructor(private readonly random: () => number) {}

  update(changes: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...changes };
    return this.settings;
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
  }

  decide(): FaultDecision {
    if (this.settings.dropConnections > 0) {
      this.settings.dropConnections -= 1;
      return "drop";
    }
    if (this.settings.rateLimitBurst > 0) {
      this.settings.rateLimitBurst -= 1;
      return "rate_limit";
    }
    return this.random() < this.settings.errorRate ? "unavailable" : null;
  }
}
