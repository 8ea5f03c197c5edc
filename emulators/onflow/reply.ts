/**
 * The Onflow response envelope (README §4) and the refusal type every emulator handler throws.
 */
import { ONFLOW_ERROR_CODES, type OnflowErrorCode } from "../../app/onflow/errors";
import type { Language } from "../../app/onflow/statuses";

export const EMULATED_API_VERSION = "1.0.3";

export interface Envelope {
  data: unknown;
  error: boolean;
  error_code: string | null;
  log_id: string | null;
  messages: string;
  total: number;
  version: string;
  error_detail: unknown;
}

export function successEnvelope(data: unknown, total?: number): Envelope {
  const count = total ?? (Array.isArray(data) ? data.length : 1);
  return { data, error: false, error_code: null, log_id: null, messages: "OK", total: count, version: EMULATED_API_VERSION, error_detail: null };
}

export function errorEnvelope(code: string, messages: string, logId: string, errorDetail: unknown = null): Envelope {
  return { data: null, error: true, error_code: code, log_id: logId, messages, total: 0, version: EMULATED_API_VERSION, error_detail: errorDetail };
}

/** README §7 wording where documented; ours otherwise. `{list}` is filled with the offending codes. */
const MESSAGES: Partial<Record<OnflowErrorCode, { en: string; vi?: string }>> = {
  BAD_REQUEST: { en: "Bad request" },
  UNAUTHORIZED: { en: "Invalid access token" },
  NOT_FOUND: { en: "Resource not found", vi: "Không tìm thấy tài nguyên" },
  METHOD_NOT_ALLOWED: { en: "Method not allowed", vi: "Phương thức không được hỗ trợ" },
  INVALID_PAYLOAD: { en: "Invalid request payload" },
  INTERNAL_SERVER_ERROR: { en: "Internal server error" },
  PRODUCTS_BY_OASIN_NOT_FOUND: { en: "The OASIN codes {list} do not exist" },
  PRODUCTS_NOT_MAPPED_IN_WAREHOUSE: {
    en: "The OASIN codes {list} are not mapped to this warehouse code",
    vi: "Mã sản phẩm {list} chưa được gắn với mã kho yêu cầu",
  },
  PRODUCTS_INACTIVE: { en: "The OASIN codes {list} must be in ACTIVE status" },
  TOO_MANY_REQUESTS: { en: "Too many requests", vi: "Quá nhiều yêu cầu" },
  SERVICE_UNAVAILABLE: { en: "Service temporarily unavailable", vi: "Dịch vụ tạm thời không khả dụng" },
};

export class OnflowRefusal extends Error {
  readonly status: number;
  constructor(
    readonly code: OnflowErrorCode,
    readonly detail: string | null = null,
    readonly oasins: string[] = [],
    readonly errorDetail: unknown = null,
  ) {
    super(code);
    this.status = ONFLOW_ERROR_CODES[code].status;
  }

  messagesIn(language: Language): string {
    const template = MESSAGES[this.code];
    const base = template ? ((language === "vi" ? template.vi : undefined) ?? template.en) : this.code;
    const filled = base.replace("{list}", `[${this.oasins.join(", ")}]`);
    return this.detail ? `${filled}: ${this.detail}` : filled;
  }
}
