/**
 * One error type for every way an Onflow call can fail, classified once as retryable or permanent.
 */

/** README §7. Codes marked [inferred] are ours (the emulator uses them) until Onflow documents its own. */
export const ONFLOW_ERROR_CODES = {
  BAD_REQUEST: { status: 400, source: "doc" },
  UNAUTHORIZED: { status: 401, source: "doc" },
  FORBIDDEN: { status: 403, source: "doc" },
  NOT_FOUND: { status: 404, source: "doc" },
  METHOD_NOT_ALLOWED: { status: 405, source: "doc" },
  REQUEST_TIMEOUT: { status: 408, source: "doc" },
  INVALID_PAYLOAD: { status: 422, source: "doc" },
  INTERNAL_SERVER_ERROR: { status: 500, source: "doc" },
  PRODUCTS_BY_OASIN_NOT_FOUND: { status: 404, source: "doc" },
  PRODUCTS_NOT_MAPPED_IN_WAREHOUSE: { status: 422, source: "doc" },
  PRODUCTS_INACTIVE: { status: 422, source: "doc" },
  TOO_MANY_REQUESTS: { status: 429, source: "inferred" },
  SERVICE_UNAVAILABLE: { status: 503, source: "inferred" },
  PRODUCT_SKU_ALREADY_EXISTS: { status: 422, source: "inferred" },
  SHIPMENT_REFERENCE_ALREADY_EXISTS: { status: 422, source: "inferred" },
  SHIPMENT_NOT_CANCELLABLE: { status: 400, source: "inferred" },
  PO_NOT_CANCELLABLE: { status: 400, source: "inferred" },
  PO_NOT_COMPLETED: { status: 400, source: "inferred" },
  RETURN_NOT_CANCELLABLE: { status: 400, source: "inferred" },
} as const satisfies Record<string, { status: number; source: "doc" | "inferred" }>;

export type OnflowErrorCode = keyof typeof ONFLOW_ERROR_CODES;

/** Failures that happen on our side of the wire, before Onflow could answer. */
export type LocalFailureCode = "TIMEOUT" | "CONNECTION_REFUSED" | "NETWORK_ERROR" | "INVALID_RESPONSE";

export interface OnflowErrorDetails {
  endpoint: string;
  /** HTTP status; null when no response arrived. */
  status: number | null;
  code: OnflowErrorCode | LocalFailureCode | (string & {});
  messages: string;
  logId?: string | null;
  errorDetail?: unknown;
  retryAfterMs?: number | null;
}

export class OnflowError extends Error {
  override readonly name = "OnflowError";
  readonly endpoint: string;
  readonly status: number | null;
  readonly code: OnflowErrorDetails["code"];
  readonly messages: string;
  readonly logId: string | null;
  readonly errorDetail: unknown;
  readonly retryAfterMs: number | null;
  readonly retryable: boolean;

  constructor(details: OnflowErrorDetails) {
    const statusText = details.status === null ? "no response" : `HTTP ${details.status}`;
    super(`Onflow ${details.endpoint} failed (${statusText}, ${details.code}): ${details.messages}`);
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.code = details.code;
    this.messages = details.messages;
    this.logId = details.logId ?? null;
    this.errorDetail = details.errorDetail ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.retryable = isRetryableFailure(details.status, details.code);
  }
}

/**
 * Throttling, server-side trouble and transport failures may succeed later; anything Onflow
 * understood and refused (validation, auth, missing resources, product state) will not.
 */
export function isRetryableFailure(status: number | null, code: string): boolean {
  if (code === "TIMEOUT" || code === "CONNECTION_REFUSED" || code === "NETWORK_ERROR") return true;
  if (code === "REQUEST_TIMEOUT" || code === "TOO_MANY_REQUESTS") return true;
  if (status === null) return false;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * True when Onflow certainly did not act on the request, so even a create can be sent again
 * without risking a duplicate.
 */
export function wasCertainlyNotApplied(error: OnflowError): boolean {
  return error.status === 429 || error.status === 503 || error.code === "CONNECTION_REFUSED";
}

export function isOnflowError(error: unknown, code?: string): error is OnflowError {
  return error instanceof OnflowError && (code === undefined || error.code === code);
}
