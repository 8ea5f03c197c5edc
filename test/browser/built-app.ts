import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, rmdirSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureAppBuilt } from "../support/app-build";

const root = process.cwd();

/** The harness's build lock (test/support/app-build.ts): held, no one rebuilds build/ under us. */
async function whileBuildLocked<Result>(run: () => Result): Promise<Result> {
  const lock = path.join(root, ".cache/e2e-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(200);
    }
  }
  try {
    return run();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * The built app (rebuilt by the harness when app/ changed), copied to a private directory: another
 * test's rebuild must not swap asset hashes under a running browser test.
 */
export async function privateBuild(): Promise<string> {
  await ensureAppBuilt();
  const copy = path.join(root, ".cache", `browser-build-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  await whileBuildLocked(() => cpSync(path.join(root, "build"), path.join(copy, "build"), { recursive: true }));
  symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
  return copy;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `remix-serve` on the built app, as production runs it, with Shopify calls sent to the stand-in. */
export async function startBuiltApp(buildDir: string, env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/@remix-run/serve/dist/cli.js"), "./build/server/index.js"], {
    cwd: buildDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      SHOPIFY_APP_URL: url,
      WORKER_ENABLED: "false",
      ONFLOW_E2E: "1",
      NODE_OPTIONS: `--import ${path.join(root, "test/support/shopify-redirect.mjs")}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${log}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      await sleep(100);
    }
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}
