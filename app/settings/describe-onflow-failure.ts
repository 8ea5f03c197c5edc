import { OnflowError } from "~/onflow/errors";

export interface ConnectionProblem {
  kind: "bad_token" | "unreachable" | "onflow_error" | "not_configured";
  message: string;
}

const UNREACHABLE_CODES = new Set(["TIMEOUT", "CONNECTION_REFUSED", "NETWORK_ERROR", "REQUEST_TIMEOUT"]);

/**
 * Says in plain words why a connection attempt failed. The token is scrubbed from anything Onflow
 * echoed back, so it can never reach the page or a log through an error message.
 */
export function describeOnflowFailure(error: unknown, baseUrl: string, token: string | undefined): ConnectionProblem {
  const scrub = (text: string) => (token ? text.split(token).join("••••") : text);
  if (!(error instanceof OnflowError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: "not_configured", message: scrub(detail) };
  }
  if (error.status === 401 || error.status === 403 || error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") {
    return {
      kind: "bad_token",
      message: "Onflow did not accept this access token. Copy it again from Onflow OMS → Settings → Developer Tools.",
    };
  }
  if (UNREACHABLE_CODES.has(error.code) || error.status === null) {
    return { kind: "unreachable", message: `Could not reach Onflow at ${baseUrl}. Check the environment or base URL and try again.` };
  }
  const logId = error.logId ? ` (Onflow log id ${error.logId})` : "";
  const status = `HTTP ${error.status}`;
  return { kind: "onflow_error", message: scrub(`Onflow answered with an error, ${status}: ${error.messages || error.code}${logId}`) };
}
