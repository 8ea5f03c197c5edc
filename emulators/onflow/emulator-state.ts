/**
 * Everything one emulator process remembers: an account per token, id sequences, the request
 * log and counters, fault settings, rate budgets and webhook targets.
 */
import { KNOWN_SHIPMENT_PLATFORMS } from "../../app/onflow/config";
import { FaultInjector } from "./faults";
import { MerchantAccount, type IdSequence } from "./merchant-account";
import { seededRandom } from "./seeded-random";
import { TokenBucket } from "./token-bucket";
import { WebhookSender } from "./webhook-sender";

export interface EmulatorSettings {
  tokens: string[];
  rateLimitPerSecond: number;
  seed: number;
  acceptedPlatforms: readonly string[];
}

export const DEFAULT_EMULATOR_SETTINGS: EmulatorSettings = {
  tokens: ["demo-token"],
  rateLimitPerSecond: 10,
  seed: 1,
  // shipment-b2c.md suggests keeping `retail` off until Onflow ships it; we accept it because it
  // is the value a Shopify shop sends. Pass `acceptedPlatforms` to mirror the docs strictly.
  acceptedPlatforms: KNOWN_SHIPMENT_PLATFORMS,
};

export interface LoggedRequest {
  sequence: number;
  at: string;
  method: string;
  path: string;
  endpoint: string | null;
  status: number | "dropped";
  body: unknown;
}

export interface EmulatorCounters {
  requests: number;
  byStatus: Record<string, number>;
  byEndpoint: Record<string, number>;
  rateLimited: number;
  injectedUnavailable: number;
  droppedConnections: number;
}

/** A long demo run must not grow without bound; tests read far fewer. */
const REQUEST_LOG_LIMIT = 5_000;

const ID_STARTS = { OASIN: 3000101, OAPO: 900000001, OASC: 70000001, OARSC: 810000001, TXN: 580001, COURIER: 1000000001 };

function createIdSequence(): IdSequence {
  const counters = { ...ID_STARTS };
  return {
    next(prefix) {
      const value = counters[prefix]++;
      return prefix === "TXN" || prefix === "COURIER" ? String(value) : `${prefix}${value}`;
    },
  };
}

export class EmulatorState {
  accounts = new Map<string, MerchantAccount>();
  webhookTargets = new Map<string, string[]>();
  buckets = new Map<string, TokenBucket>();
  requestLog: LoggedRequest[] = [];
  private requestSequence = 0;
  counters: EmulatorCounters = EmulatorState.emptyCounters();
  faults: FaultInjector;
  readonly webhooks = new WebhookSender();
  rateLimitPerSecond: number;

  constructor(readonly settings: EmulatorSettings) {
    this.rateLimitPerSecond = settings.rateLimitPerSecond;
    this.faults = new FaultInjector(seededRandom(settings.seed));
    this.reset();
  }

  static emptyCounters(): EmulatorCounters {
    return { requests: 0, byStatus: {}, byEndpoint: {}, rateLimited: 0, injectedUnavailable: 0, droppedConnections: 0 };
  }

  /** Back to the seeded start: accounts, ids, faults, logs and webhook targets. */
  reset(): void {
    const ids = createIdSequence();
    this.accounts.clear();
    this.webhookTargets.clear();
    this.settings.tokens.forEach((token, index) => {
      const identity = { userId: 5120 + index, businessId: 7781 + index };
      this.accounts.set(token, new MerchantAccount(ids, identity, (payload) => this.webhooks.send(this.webhookTargets.get(token) ?? [], payload), this.settings.acceptedPlatforms));
    });
    this.buckets.clear();
    this.faults = new FaultInjector(seededRandom(this.settings.seed));
    this.clearLog();
    this.webhooks.clear();
  }

  clearLog(): void {
    this.requestLog = [];
    this.requestSequence = 0;
    this.counters = EmulatorState.emptyCounters();
  }

  setRateLimit(perSecond: number): void {
    this.rateLimitPerSecond = perSecond;
    for (const bucket of this.buckets.values()) bucket.setRate(perSecond);
  }

  bucketFor(token: string): TokenBucket {
    let bucket = this.buckets.get(token);
    if (!bucket) {
      bucket = new TokenBucket(this.rateLimitPerSecond);
      this.buckets.set(token, bucket);
    }
    return bucket;
  }

  record(entry: Omit<LoggedRequest, "sequence" | "at">): void {
    this.requestSequence += 1;
    this.requestLog.push({ sequence: this.requestSequence, at: new Date().toISOString(), ...entry });
    if (this.requestLog.length > REQUEST_LOG_LIMIT) this.requestLog.shift();
    this.counters.requests += 1;
    const status = String(entry.status);
    this.counters.byStatus[status] = (this.counters.byStatus[status] ?? 0) + 1;
    if (entry.endpoint) this.counters.byEndpoint[entry.endpoint] = (this.counters.byEndpoint[entry.endpoint] ?? 0) + 1;
    if (entry.status === 429) this.counters.rateLimited += 1;
    if (entry.status === "dropped") this.counters.droppedConnections += 1;
  }
}
