import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .default("true")
  .transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.url(),
  SCOPES: z.string().min(1).optional(),
  DATABASE_URL: z.string().startsWith("file:").default("file:./prisma/dev.sqlite"),
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/),
  // Onflow does not publish its production host; the operator sets it once it is known.
  ONFLOW_PRODUCTION_BASE_URL: z.url().optional(),
  WORKER_ENABLED: booleanFlag,
  WORKER_POLL_MS: z.coerce.number().int().min(10).default(500),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  WORKER_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  SCHEDULER_TICK_MS: z.coerce.number().int().min(100).default(30_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

const hints: Partial<Record<keyof Env, string>> = {
  SHOPIFY_API_KEY: "the app's client id from the Partner Dashboard",
  SHOPIFY_API_SECRET: "the app's client secret; it verifies every webhook",
  SHOPIFY_APP_URL: "the public https URL the app is served on",
  DATABASE_URL: "a SQLite URL such as file:./prisma/dev.sqlite",
  ENCRYPTION_KEY: "64 hex characters (32 bytes): generate with `openssl rand -hex 32`",
};

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment, fix these variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => {
      const field = issue.path.join(".");
      const problem = source[field] === undefined ? "missing" : "invalid";
      return `${field}: ${problem} (${hints[field as keyof Env] ?? issue.message})`;
    }),
  );
}

let cached: Env | undefined;

/** The validated environment; the first call fails fast, naming every bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
