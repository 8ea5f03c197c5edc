import { parseArgs } from "node:util";
import { startShopifyStandin } from "./server";

// Runs the stand-in on its own, for the end-to-end harness and the demo. Prints one JSON line
// with its URL once it accepts connections, and stops on SIGINT/SIGTERM.

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "app-url": { type: "string" },
    "api-key": { type: "string" },
    "api-secret": { type: "string" },
    "max-available": { type: "string" },
    "restore-rate": { type: "string" },
    "webhook-retry-attempts": { type: "string" },
    "webhook-retry-delay-ms": { type: "string" },
  },
});

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const maximumAvailable = number(values["max-available"]);
const restoreRate = number(values["restore-rate"]);

const running = await startShopifyStandin({
  port: Number(values.port),
  host: values.host,
  appUrl: values["app-url"] ?? null,
  apiKey: values["api-key"],
  apiSecret: values["api-secret"],
  throttle: maximumAvailable !== undefined && restoreRate !== undefined ? { maximumAvailable, restoreRate } : undefined,
  webhookRetry:
    values["webhook-retry-attempts"] !== undefined
      ? { attempts: Number(values["webhook-retry-attempts"]), initialDelayMs: number(values["webhook-retry-delay-ms"]) ?? 1000 }
      : undefined,
});

process.stdout.write(`${JSON.stringify({ service: "shopify-standin", url: running.url })}\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
