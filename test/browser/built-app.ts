import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = process.cwd();

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app when app/ changed since the last build, then copies the build to a private
 * directory: another engineer's rebuild must not swap asset hashes under a running browser test.
 */
export function privateBuild(): string {
  const serverEntry = path.join(root, "build/server/index.js");
  const fresh = existsSync(serverEntry) && statSync(serverEntry).mtimeMs > Math.max(newestMtime(path.join(root, "app")), statSync(path.join(root, "vite.config.ts")).mtimeMs);
  if (!fresh) execFileSync("flock", ["/tmp/onflow-build.lock", "npm", "run", "build"], { cwd: root, stdio: "ignore" });
  const copy = path.join(root, ".cache", `browser-build-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  execFileSync("flock", ["/tmp/onflow-build.lock", "cp", "-r", path.join(root, "build"), path.join(copy, "build")]);
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
      await new Promise((resolve) => setTimeout(resolve, 100));
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
