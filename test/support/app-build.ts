import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// The harness runs the built app, as production does. It rebuilds only when a source is newer
// than the build, and a lock directory keeps parallel test files from building at once.

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const APP_SERVER_ENTRY = path.join(REPO_ROOT, "build/server/index.js");
const SOURCES = ["app", "vite.config.ts", "package.json"].map((source) => path.join(REPO_ROOT, source));
const LOCK = path.join(REPO_ROOT, ".cache/e2e-build.lock");

function newestSourceChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestSourceChange(path.join(entry, child))), stats.mtimeMs);
}

function buildIsStale(): boolean {
  return !existsSync(APP_SERVER_ENTRY) || statSync(APP_SERVER_ENTRY).mtimeMs < Math.max(...SOURCES.map(newestSourceChange));
}

export async function ensureAppBuilt(): Promise<void> {
  if (!buildIsStale()) return;
  mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      await sleep(200);
    }
  }
  try {
    if (!buildIsStale()) return;
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error(`The app build failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmdirSync(LOCK);
  }
}
