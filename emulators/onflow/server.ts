/**
 * The Onflow emulator: a real HTTP server speaking the Open API contract of `app/onflow`,
 * plus the control API. Start it in-process with `startOnflowEmulator` or from `cli.ts`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ONFLOW_ENDPOINTS } from "../../app/onflow/endpoints";
import type { Language } from "../../app/onflow/statuses";
import { API_HANDLERS, matchApiRoute } from "./api-routes";
import { OnflowEmulatorControl } from "./control";
import { CONTROL_PREFIX, handleControl } from "./control-routes";
import { DEFAULT_EMULATOR_SETTINGS, EmulatorState } from "./emulator-state";
import { OnflowRefusal, errorEnvelope, successEnvelope, type Envelope } from "./reply";

export interface OnflowEmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Each token is a separate merchant account. */
  tokens?: string[];
  rateLimitPerSecond?: number;
  /** Seeds fault injection so a run is repeatable. */
  seed?: number;
  acceptedPlatforms?: readonly string[];
}

export interface RunningOnflowEmulator {
  url: string;
  port: number;
  tokens: string[];
  control: OnflowEmulatorControl;
  close(): Promise<void>;
}

const LOGGED_BODY_LIMIT = 16_384;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function parseJson(raw: Buffer): unknown {
  return raw.length ? JSON.parse(raw.toString("utf8")) : undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(payload), ...headers });
  response.end(payload);
}

/** README §2: the bare token; a `Bearer ` prefix is tolerated. */
function tokenFrom(request: IncomingMessage): string | null {
  const header = request.headers.authorization?.trim();
  if (!header) return null;
  return header.replace(/^Bearer\s+/i, "");
}

function languageOf(request: IncomingMessage): Language {
  // README §2: every example sends `vi`; the default without the header is [unknown].
  return request.headers["accept-language"]?.toLowerCase().startsWith("en") ? "en" : "vi";
}

export async function startOnflowEmulator(options: OnflowEmulatorOptions = {}): Promise<RunningOnflowEmulator> {
  const state = new EmulatorState({
    tokens: options.tokens?.length ? options.tokens : DEFAULT_EMULATOR_SETTINGS.tokens,
    rateLimitPerSecond: options.rateLimitPerSecond ?? DEFAULT_EMULATOR_SETTINGS.rateLimitPerSecond,
    seed: options.seed ?? DEFAULT_EMULATOR_SETTINGS.seed,
    acceptedPlatforms: options.acceptedPlatforms ?? DEFAULT_EMULATOR_SETTINGS.acceptedPlatforms,
  });

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, raw: Buffer): Promise<void> {
    const method = request.method ?? "GET";
    const contentType = request.headers["content-type"] ?? "";
    const language = languageOf(request);
    const matched = matchApiRoute(method, url.pathname);
    const endpoint = matched && matched !== "method" ? matched.endpointName : null;
    const loggedBody = contentType.startsWith("multipart/") ? `<multipart ${raw.length} bytes>` : safeJson(raw);

    const reply = (status: number, envelope: Envelope, headers?: Record<string, string>) => {
      state.record({ method, path: url.pathname + url.search, endpoint, status, body: loggedBody });
      sendJson(response, status, envelope, headers);
    };
    const refuse = (refusal: OnflowRefusal, headers?: Record<string, string>) =>
      reply(refusal.status, errorEnvelope(refusal.code, refusal.messagesIn(language), randomUUID(), refusal.errorDetail), headers);

    const { latencyMs } = state.faults.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = state.faults.decide();
    if (fault === "drop") {
      state.record({ method, path: url.pathname + url.search, endpoint, status: "dropped", body: loggedBody });
      request.socket.destroy();
      return;
    }
    if (fault === "rate_limit") return refuse(new OnflowRefusal("TOO_MANY_REQUESTS"), { "Retry-After": "1" });
    if (fault === "unavailable") {
      state.counters.injectedUnavailable += 1;
      return refuse(new OnflowRefusal("SERVICE_UNAVAILABLE"));
    }

    const token = tokenFrom(request);
    const account = token === null ? undefined : state.accounts.get(token);
    if (!account || token === null) return refuse(new OnflowRefusal("UNAUTHORIZED"));

    const waitMs = state.bucketFor(token).take();
    if (waitMs > 0) return refuse(new OnflowRefusal("TOO_MANY_REQUESTS"), { "Retry-After": String(Math.max(1, Math.ceil(waitMs / 1000))) });

    if (matched === null) return refuse(new OnflowRefusal("NOT_FOUND", `${method} ${url.pathname}`));
    if (matched === "method") return refuse(new OnflowRefusal("METHOD_NOT_ALLOWED"));

    let body: unknown;
    if (contentType.includes("application/json")) {
      try {
        body = parseJson(raw);
      } catch {
        return refuse(new OnflowRefusal("BAD_REQUEST", "the body is not valid JSON"));
      }
    }
    try {
      const result = API_HANDLERS[matched.endpointName]({ account, params: matched.params, query: url.searchParams, body, rawBody: raw, contentType, language });
      reply(ONFLOW_ENDPOINTS[matched.endpointName].successStatus, successEnvelope(result.data, result.total));
    } catch (error) {
      if (error instanceof OnflowRefusal) return refuse(error);
      reply(500, errorEnvelope("INTERNAL_SERVER_ERROR", error instanceof Error ? error.message : String(error), randomUUID()));
    }
  }

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://emulator.local");
      const raw = await readBody(request);
      if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
        let body: unknown;
        try {
          body = parseJson(raw);
        } catch {
          return sendJson(response, 400, { error: "The body is not valid JSON" });
        }
        const result = await handleControl(state, request.method ?? "GET", url.pathname, body);
        return sendJson(response, result.status, result.body);
      }
      await handleApi(request, response, url, raw);
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;

  return {
    url,
    port,
    tokens: state.settings.tokens,
    control: new OnflowEmulatorControl(url),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await state.webhooks.settle();
    },
  };
}

function safeJson(raw: Buffer): unknown {
  if (!raw.length) return null;
  const text = raw.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, LOGGED_BODY_LIMIT);
  }
}
