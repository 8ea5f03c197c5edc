import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// Every process the harness starts runs in its own process group, is killed with its group when
// the test process exits for any reason, and (through exit-with-parent.mjs) kills itself if the
// test process disappears without exiting cleanly.

const EXIT_WITH_PARENT = fileURLToPath(new URL("./exit-with-parent.mjs", import.meta.url));
const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

export interface ServiceProcess {
  name: string;
  pid: number;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Resolves with the first output line that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  kill(): Promise<void>;
}

export function startNodeProcess(name: string, args: string[], options: { env: Record<string, string | undefined>; preloads?: string[]; cwd?: string }): ServiceProcess {
  const preloads = [EXIT_WITH_PARENT, ...(options.preloads ?? [])].map((file) => `--import ${file}`).join(" ");
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // The app's own ProcessEnv type makes NODE_ENV required; a child may run without it.
    env: { ...options.env, HARNESS_PARENT_PID: String(process.pid), NODE_OPTIONS: preloads } as unknown as NodeJS.ProcessEnv,
  });
  if (child.pid === undefined) throw new Error(`Could not start ${name}`);
  live.add(child);
  let output = "";
  const lineWaiters = new Set<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const waiter of lineWaiters) {
      const match = output.match(waiter.pattern);
      if (match) {
        lineWaiters.delete(waiter);
        waiter.resolve(match);
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => (live.delete(child), resolve(code))));

  const terminate = async (signal: NodeJS.Signals, graceMs: number) => {
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return {
    name,
    pid: child.pid,
    output: () => output,
    exited,
    waitForLine: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const existing = output.match(pattern);
        if (existing) return resolve(existing);
        const timer = setTimeout(() => reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms. Output:\n${output}`)), timeoutMs);
        const waiter = { pattern, resolve: (match: RegExpMatchArray) => (clearTimeout(timer), resolve(match)) };
        lineWaiters.add(waiter);
        void exited.then((code) => {
          if (!lineWaiters.delete(waiter)) return;
          clearTimeout(timer);
          reject(new Error(`${name} exited (${code}) before printing ${pattern}. Output:\n${output}`));
        });
      }),
    stop: (graceMs = 3000) => terminate("SIGTERM", graceMs),
    kill: () => terminate("SIGKILL", 0),
  };
}
