/**
 * The emulator as merchants and the demo start it: the documented CLI in its own process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "cli-demo-token";
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  child = spawn(tsx, ["emulators/onflow/cli.ts", "--port", "0", "--token", TOKEN], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`The emulator exited (${code}) before listening:\n${output}`)));
  });
  expect(output).toContain(TOKEN);
});

afterAll(async () => {
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

describe("emulator started by its CLI", () => {
  it("answers an unauthenticated request with 401 and the UNAUTHORIZED envelope", async () => {
    const response = await fetch(`${url}/api/v1/warehouses`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      data: null,
      error: true,
      error_code: "UNAUTHORIZED",
      log_id: expect.any(String),
      messages: "Invalid access token",
      total: 0,
      version: "1.0.3",
      error_detail: null,
    });
  });

  it("refuses part of a 30-request burst from one token with 429 and Retry-After", async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => fetch(`${url}/api/v1/brands`, { headers: { Authorization: TOKEN } })),
    );
    const refused = responses.filter((response) => response.status === 429);
    expect(responses.filter((response) => response.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused[0].json()).toMatchObject({ error: true, error_code: "TOO_MANY_REQUESTS" });
  });

  it("stops cleanly on SIGTERM", async () => {
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
