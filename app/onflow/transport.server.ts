/**
 * One Onflow call end to end: URL from the endpoint table, auth headers, the account throttle,
 * a timeout per attempt, envelope unwrapping, typed errors and bounded retries.
 */
import type { z } from "zod";
import { throttleForAccount } from "./account-throttle.server";
import { ONFLOW_ENDPOINTS, buildEndpointPath, type OnflowEndpointName } from "./endpoints";
import { OnflowError } from "./errors";
import { parseRetryAfter, retryDelayMs, shouldRetry, type RetryPolicy } from "./retry-policy";
import { envelopeSchema } from "./schemas";
import type { Language } from "./statuses";

export interface TransportOptions {
  baseUrl: string;
  apiPrefix: string;
  token: string;
  language: Language;
  timeoutMs: number;
  rateLimitPerSecond: number;
  retryPolicy: RetryPolicy;
  fetch: typeof fetch;
}

export interface OnflowRequest {
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  form?: FormData;
}

export interface OnflowResponse<Data> {
  data: Data;
  total: number | null;
}

export type OnflowTransport = <Schema extends z.ZodType>(
  endpointName: OnflowEndpointName,
  dataSchema: Schema,
  request?: OnflowRequest,
) => Promise<OnflowResponse<z.output<Schema>>>;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export function createOnflowTransport(options: TransportOptions): OnflowTransport {
  const throttle = throttleForAccount(options.baseUrl, options.token, options.rateLimitPerSecond);
  const redact = (text: string) => (options.token ? text.split(options.token).join("[redacted]") : text);

  function buildUrl(endpointName: OnflowEndpointName, request: OnflowRequest): URL {
    const path = buildEndpointPath(ONFLOW_ENDPOINTS[endpointName], options.apiPrefix, request.pathParams);
    const url = new URL(path, options.baseUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url;
  }

  function failure(endpoint: string, details: Omit<ConstructorParameters<typeof OnflowError>[0], "endpoint">): OnflowError {
    const errorDetail = details.errorDetail == null ? null : JSON.parse(redact(JSON.stringify(details.errorDetail)));
    return new OnflowError({ ...details, endpoint, messages: redact(details.messages), errorDetail });
  }

  async function send(endpointName: OnflowEndpointName, request: OnflowRequest): Promise<OnflowResponse<unknown>> {
    const endpoint = ONFLOW_ENDPOINTS[endpointName];
    const headers: Record<string, string> = {
      // README §2 [doc]: the bare token, no "Bearer".
      Authorization: options.token,
      "Accept-Language": options.language,
      Accept: "application/json",
    };
    let body: string | FormData | undefined;
    if (request.form) body = request.form;
    else if (request.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(request.json);
    }

    let response: Response;
    let text: string;
    try {
      response = await options.fetch(buildUrl(endpointName, request), {
        method: endpoint.method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw failure(endpointName, transportFailure(error, options.timeoutMs));
    }

    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    let envelope: z.output<typeof envelopeSchema> | undefined;
    try {
      const parsed = envelopeSchema.safeParse(JSON.parse(text));
      if (parsed.success) envelope = parsed.data;
    } catch {
      // Not JSON: a proxy page or an empty body; the status decides below.
    }

    if (!response.ok || envelope?.error === true) {
      throw failure(endpointName, {
        status: response.status,
        code: envelope?.error_code ?? `HTTP_${response.status}`,
        messages: envelope?.messages ?? (response.statusText || "Onflow answered without an error message"),
        logId: envelope?.log_id ?? null,
        errorDetail: envelope?.error_detail,
        retryAfterMs,
      });
    }
    if (!envelope) {
      throw failure(endpointName, { status: response.status, code: "INVALID_RESPONSE", messages: "The response is not an Onflow envelope" });
    }
    return { data: envelope.data ?? null, total: envelope.total ?? null };
  }

  return async (endpointName, dataSchema, request = {}) => {
    const endpoint = ONFLOW_ENDPOINTS[endpointName];
    for (let attempt = 0; ; attempt += 1) {
      try {
        const { data, total } = await throttle.schedule(() => send(endpointName, request));
        const parsed = dataSchema.safeParse(data);
        if (!parsed.success) {
          const where = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`);
          throw failure(endpointName, { status: 200, code: "INVALID_RESPONSE", messages: `Unexpected response shape (${where.join("; ")})` });
        }
        return { data: parsed.data, total };
      } catch (error) {
        if (!(error instanceof OnflowError)) throw error;
        if (error.status === 429) throttle.pauseFor(error.retryAfterMs ?? options.retryPolicy.baseDelayMs);
        if (!shouldRetry(error, { attempt, idempotent: endpoint.idempotent, policy: options.retryPolicy })) throw error;
        await sleep(retryDelayMs(error, attempt, options.retryPolicy));
      }
    }
  };
}

function transportFailure(error: unknown, timeoutMs: number): Omit<ConstructorParameters<typeof OnflowError>[0], "endpoint"> {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return { status: null, code: "TIMEOUT", messages: `No answer within ${timeoutMs} ms` };
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") {
    return { status: null, code: "CONNECTION_REFUSED", messages: "Connection refused" };
  }
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return { status: null, code: "NETWORK_ERROR", messages: `Network failure: ${reason}` };
}
