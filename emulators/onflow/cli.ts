/**
 * `npm run emulator:onflow -- --port 4010 --token demo-token [--token other] [--rate 10] [--seed 1] [--host 127.0.0.1]`
 */
import { parseArgs } from "node:util";
import { startOnflowEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    token: { type: "string", multiple: true },
    rate: { type: "string" },
    seed: { type: "string" },
  },
});

const emulator = await startOnflowEmulator({
  port: Number(values.port),
  host: values.host,
  tokens: values.token,
  rateLimitPerSecond: values.rate === undefined ? undefined : Number(values.rate),
  seed: values.seed === undefined ? undefined : Number(values.seed),
});

console.log(
  [`Onflow emulator listening on ${emulator.url}`, `Tokens: ${emulator.tokens.join(", ")}`, `Control API: ${emulator.url}/__control`].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
