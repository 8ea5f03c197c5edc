import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/app-build";
import { waitUntil } from "../support/wait-until";

const VITEST = path.join(REPO_ROOT, "node_modules/vitest/vitest.mjs");
const FIXTURE_CONFIG = path.join(REPO_ROOT, "test/e2e/fixtures/vitest.config.ts");
const directory = mkdtempSync(path.join(tmpdir(), "harness-cleanup-"));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** This process's environment minus vitest's own variables, so the nested run is a run of its own. */
function nestedEnv(extra: Record<string, string>) {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.includes("VITEST"))), ...extra } as unknown as NodeJS.ProcessEnv;
}

describe("the harness leaves no process behind", () => {
  for (const failure of ["failing-test", "crash"]) {
    it(`after a ${failure === "crash" ? "test process killed outright" : "failing test that never stops it"}`, async () => {
      const pidsFile = path.join(directory, `${failure}.json`);

      const run = await promisify(execFile)(process.execPath, [VITEST, "run", "--config", FIXTURE_CONFIG], {
        cwd: REPO_ROOT,
        env: nestedEnv({ HARNESS_PIDS_FILE: pidsFile, HARNESS_FAILURE: failure }),
      }).then(
        () => ({ failed: false }),
        (error: { code?: number }) => ({ failed: error.code !== 0 }),
      );

      expect(run.failed).toBe(true);
      const pids = JSON.parse(readFileSync(pidsFile, "utf8")) as number[];
      expect(pids).toHaveLength(3);
      await waitUntil("every process the harness started to be gone", () => pids.every((pid) => !isRunning(pid)), 10_000);
    }, 180_000);
  }
});
