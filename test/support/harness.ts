import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { APP_SERVER_ENTRY, ensureAppBuilt, REPO_ROOT } from "./app-build";
import type { ServiceProcess } from "./child-processes";
import { startNodeProcess } from "./child-processes";
import { freePort } from "./free-port";
import { openDatabase, seedInstalledShop } from "./seed-shop";
import { ShopifyStandinClient } from "./shopify-standin-client";
import { waitUntil } from "./wait-until";

// The end-to-end harness: the built app, the Onflow emulator and the Shopify stand-in as separate
// processes on free ports, with a fresh SQLite database holding a shop that has installed the app
// and connected Onflow. The app reaches "Shopify" through the redirect preload, exactly as it
// would reach Shopify itself.

const SHOPIFY_REDIRECT = path.join(REPO_ROOT, "test/support/shopify-redirect.mjs");
const ONFLOW_CLI = path.join(REPO_ROOT, "emulators/onflow/cli.ts");
const SHOPIFY_STANDIN_CLI = path.join(REPO_ROOT, "emulators/shopify/cli.ts");
const REMIX_SERVE = path.join(REPO_ROOT, "node_modules/@remix-run/serve/dist/cli.js");
const PRISMA_CLI = path.join(REPO_ROOT, "node_modules/prisma/build/index.js");
const ONFLOW_SEED = { warehouseCode: "ONF_WH_HCM_Q7", warehouseName: "Kho Quận 7", brandId: 3105, brandName: "Sông Hồng Tea" };

export interface HarnessOptions {
  shop?: string;
  /** Start the Onflow emulator (default true). Without it the shop is still "connected", to a URL nothing answers. */
  onflow?: boolean;
  /** Extra or overriding environment for the app, e.g. SCHEDULER_TICK_MS. */
  appEnv?: Record<string, string>;
  throttle?: { maximumAvailable: number; restoreRate: number };
}

export interface AppProcess {
  url: string;
  pid(): number;
  output(): string;
  /** SIGKILL, as a crash would: no shutdown hooks run. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database, and waits until /healthz answers. */
  start(): Promise<void>;
  restart(): Promise<void>;
}

export interface Harness {
  shop: string;
  app: AppProcess;
  shopify: ShopifyStandinClient;
  onflow: { url: string; token: string; control(path: string, init?: RequestInit): Promise<Response> } | null;
  database: PrismaClient;
  databaseUrl: string;
  apiSecret: string;
  fulfillmentServiceId: string;
  locationId: string;
  onflowWebhookUrl: string;
  /** Process ids of the app and the emulators the harness started. */
  pids(): number[];
  stop(): Promise<void>;
}

/** Just enough of the parent's environment to run node; nothing from the test process leaks in. */
function baseEnv(): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
}

async function runToCompletion(name: string, args: string[], env: Record<string, string | undefined>): Promise<void> {
  const child = startNodeProcess(name, args, { env, cwd: REPO_ROOT });
  const code = await child.exited;
  if (code !== 0) throw new Error(`${name} failed (${code}):\n${child.output()}`);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const shop = options.shop ?? "onflow-e2e.myshopify.com";
  const services: ServiceProcess[] = [];
  const directory = mkdtempSync(path.join(tmpdir(), "onflow-e2e-"));
  const databaseUrl = `file:${path.join(directory, "app.sqlite")}`;
  const apiKey = "e2e-api-key";
  const apiSecret = randomBytes(16).toString("hex");
  const encryptionKey = randomBytes(32).toString("hex");
  let database: PrismaClient | undefined;
  let app: ServiceProcess | undefined;

  const stop = async () => {
    await Promise.all([app, ...services].map((service) => service?.stop()));
    await database?.$disconnect();
    rmSync(directory, { recursive: true, force: true });
  };

  try {
    await ensureAppBuilt();
    await runToCompletion("prisma migrate deploy", [PRISMA_CLI, "migrate", "deploy"], { ...baseEnv(), DATABASE_URL: databaseUrl });

    const appPort = await freePort();
    const appUrl = `http://127.0.0.1:${appPort}`;
    const throttleArgs = options.throttle ? ["--max-available", String(options.throttle.maximumAvailable), "--restore-rate", String(options.throttle.restoreRate)] : [];
    const standinProcess = startNodeProcess(
      "shopify stand-in",
      ["--import", "tsx", SHOPIFY_STANDIN_CLI, "--app-url", appUrl, "--api-key", apiKey, "--api-secret", apiSecret, "--webhook-retry-attempts", "5", "--webhook-retry-delay-ms", "250", ...throttleArgs],
      { env: baseEnv(), cwd: REPO_ROOT },
    );
    services.push(standinProcess);

    let onflow: Harness["onflow"] = null;
    const onflowToken = `onflow-e2e-${randomBytes(6).toString("hex")}`;
    if (options.onflow ?? true) {
      if (!existsSync(ONFLOW_CLI)) throw new Error(`The Onflow emulator CLI is missing (${ONFLOW_CLI}); pass { onflow: false } to run without it`);
      const onflowProcess = startNodeProcess("onflow emulator", ["--import", "tsx", ONFLOW_CLI, "--port", String(await freePort()), "--token", onflowToken], { env: baseEnv(), cwd: REPO_ROOT });
      services.push(onflowProcess);
      const [, onflowUrl] = await onflowProcess.waitForLine(/(https?:\/\/[^\s"]+)/);
      onflow = { url: onflowUrl, token: onflowToken, control: (controlPath, init) => fetch(new URL(`/__control${controlPath}`, onflowUrl), init) };
    }
    const [, standinUrl] = await standinProcess.waitForLine(/"url":"([^"]+)"/);
    const shopify = new ShopifyStandinClient(standinUrl, shop);

    const grant = await fetch(new URL("/__control/shops", standinUrl), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ shop }) }).then((response) => response.json());
    const service = await fetch(new URL(`/__control/shops/${shop}/fulfillment-services`, standinUrl), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Onflow", inventoryManagement: true, trackingSupport: true }),
    }).then((response) => response.json());

    database = openDatabase(databaseUrl);
    const { onflowWebhookKey } = await seedInstalledShop(
      database,
      { shop, accessToken: grant.access_token, refreshToken: grant.refresh_token, scope: grant.scope, expiresInSeconds: grant.expires_in, refreshTokenExpiresInSeconds: grant.refresh_token_expires_in },
      { baseUrl: onflow?.url ?? "http://127.0.0.1:9", token: onflowToken, ...ONFLOW_SEED, fulfillmentServiceId: service.id, locationId: service.locationId },
      encryptionKey,
    );

    const appEnv = {
      ...baseEnv(),
      NODE_ENV: "production",
      ONFLOW_E2E: "1",
      PORT: String(appPort),
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_STANDIN_URL: standinUrl,
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: encryptionKey,
      WORKER_POLL_MS: "50",
      SCHEDULER_TICK_MS: "500",
      LOG_LEVEL: "warn",
      ...options.appEnv,
    };
    const startApp = async () => {
      app = startNodeProcess("app", [REMIX_SERVE, APP_SERVER_ENTRY], { env: appEnv, cwd: REPO_ROOT, preloads: [SHOPIFY_REDIRECT] });
      const started = app;
      await Promise.race([
        waitUntil("the app's /healthz to answer 200", async () => (await fetch(`${appUrl}/healthz`)).status === 200, 30_000),
        started.exited.then((code) => Promise.reject(new Error(`The app exited (${code}) while starting:\n${started.output()}`))),
      ]);
    };
    await startApp();

    return {
      shop,
      shopify,
      onflow,
      database,
      databaseUrl,
      apiSecret,
      fulfillmentServiceId: service.id,
      locationId: service.locationId,
      onflowWebhookUrl: `${appUrl}/onflow/webhooks/${onflowWebhookKey}`,
      app: {
        url: appUrl,
        pid: () => app!.pid,
        output: () => app!.output(),
        kill: () => app!.kill(),
        start: startApp,
        restart: async () => {
          await app!.kill();
          await startApp();
        },
      },
      pids: () => [app, ...services].filter((service): service is ServiceProcess => service !== undefined).map((service) => service.pid),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
