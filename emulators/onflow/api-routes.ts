/**
 * The emulated Open API: one handler per entry of the client's endpoint table, so the emulator
 * serves exactly the contract the client speaks (and the typechecker notices a missing endpoint).
 */
import type { z } from "zod";
import { ONFLOW_ENDPOINTS, ONFLOW_QUERY_PARAMS as Q, DEFAULT_ONFLOW_PAGE_SIZE, type OnflowEndpointName } from "../../app/onflow/endpoints";
import * as wire from "../../app/onflow/schemas";
import type { Language } from "../../app/onflow/statuses";
import type { MerchantAccount } from "./merchant-account";
import { OnflowRefusal } from "./reply";
import { SEEDED_BRANDS, SEEDED_DISTRICTS, SEEDED_PROVINCES, SEEDED_WARDS, SEEDED_WAREHOUSES } from "./seed-data";

export interface ApiRequest {
  account: MerchantAccount;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  rawBody: Buffer;
  contentType: string;
  language: Language;
}

export interface ApiResult {
  data: unknown;
  total?: number;
}

type Handler = (request: ApiRequest) => ApiResult;

function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    throw new OnflowRefusal("INVALID_PAYLOAD", fields.map((field) => `${field.field || "body"} ${field.message}`).join("; "), [], fields);
  }
  return parsed.data;
}

/** README §9 [inferred]: `page` is 1-based, `page_size` defaults to 50, `total` counts every row. */
function paginate(rows: unknown[], query: URLSearchParams): ApiResult {
  const page = Math.max(1, Number(query.get(Q.page)) || 1);
  const pageSize = Math.max(1, Number(query.get(Q.pageSize)) || DEFAULT_ONFLOW_PAGE_SIZE);
  return { data: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length };
}

const optional = (value: string | null) => value ?? undefined;

/** config.md §4 [inferred]: enough multipart parsing to echo the file name and size. */
function describeUpload(rawBody: Buffer, contentType: string) {
  if (!contentType.startsWith("multipart/form-data")) throw new OnflowRefusal("INVALID_PAYLOAD", "expected multipart/form-data");
  const text = rawBody.toString("latin1");
  const fileName = /filename="([^"]*)"/.exec(text)?.[1] ?? "upload.bin";
  const mimeType = /Content-Type:\s*([^\r\n]+)/i.exec(text)?.[1] ?? "application/octet-stream";
  const extension = fileName.includes(".") ? fileName.slice(fileName.lastIndexOf(".")) : "";
  const digest = Buffer.from(fileName + rawBody.length).toString("hex").padEnd(32, "0").slice(0, 32);
  return {
    file: `https://onflow-emulator.sgp1.cdn.digitaloceanspaces.com/ts/${digest}${extension}`,
    filename: Buffer.from(fileName, "latin1").toString("utf8"),
    mime_type: mimeType.trim(),
    size: rawBody.length,
  };
}

export const API_HANDLERS: Record<OnflowEndpointName, Handler> = {
  listWarehouses: () => ({ data: SEEDED_WAREHOUSES }),
  listBrands: () => ({ data: SEEDED_BRANDS }),
  listProvinces: () => ({ data: SEEDED_PROVINCES }),
  listDistricts: ({ query }) => ({ data: SEEDED_DISTRICTS.filter((district) => String(district.province_id) === query.get(Q.provinceId)) }),
  listWards: ({ query }) => ({ data: SEEDED_WARDS.filter((ward) => String(ward.district_id) === query.get(Q.districtId)) }),
  uploadFile: ({ rawBody, contentType }) => ({ data: describeUpload(rawBody, contentType) }),

  createProduct: ({ account, body }) => ({ data: account.createProduct(parseBody(wire.createProductRequestSchema, body)) }),
  assignProduct: ({ account, params, body }) => ({
    data: account.assignProduct(params.oasin, parseBody(wire.assignProductRequestSchema, body).warehouse_code),
  }),
  listProducts: ({ account, query }) => paginate(account.listProducts({ sku: optional(query.get(Q.sku)) }), query),
  getProduct: ({ account, params }) => ({ data: account.productDetail(params.oasin) }),
  listStock: ({ account, query }) =>
    paginate(account.listStock({ warehouseCode: optional(query.get(Q.warehouseCode)), oasin: optional(query.get(Q.oasin)) }), query),
  deactivateProduct: ({ account, params }) => ({ data: account.deactivateProduct(params.oasin) }),

  createPurchaseOrder: ({ account, body }) => ({ data: account.createPurchaseOrder(parseBody(wire.createPurchaseOrderRequestSchema, body)) }),
  listPurchaseOrders: ({ account, query }) => paginate(account.listPurchaseOrders(), query),
  getPurchaseOrderBill: ({ account, params }) => ({ data: account.purchaseOrderBill(params.po_code) }),
  getPurchaseOrder: ({ account, params }) => ({ data: account.purchaseOrderDetail(params.po_code) }),
  getPurchaseOrderInspection: ({ account, params }) => ({ data: account.purchaseOrderInspection(params.po_code) }),
  cancelPurchaseOrder: ({ account, params }) => ({ data: account.cancelPurchaseOrder(params.po_code) }),

  createShipment: ({ account, body, language }) => ({ data: account.createShipment(parseBody(wire.createShipmentRequestSchema, body), language) }),
  listShipments: ({ account, query, language }) =>
    paginate(account.listShipments({ merchantReference: optional(query.get(Q.merchantTrackingReference)) }, language), query),
  getShipment: ({ account, params, language }) => ({ data: account.shipmentDetail(params.tracking_code, language) }),
  cancelShipment: ({ account, params, language }) => ({ data: account.cancelShipment(params.tracking_code, language) }),

  createReturn: ({ account, body, language }) => ({ data: account.createReturn(parseBody(wire.createReturnRequestSchema, body), language) }),
  listReturns: ({ account, query, language }) =>
    paginate(account.listReturns({ merchantReference: optional(query.get(Q.merchantReturnReference)) }, language), query),
  getReturn: ({ account, params, language }) => ({ data: account.returnDetail(params.return_tracking_code, language) }),
  cancelReturn: ({ account, params, language }) => ({ data: account.cancelReturn(params.return_tracking_code, language) }),
};

export interface MatchedRoute {
  endpointName: OnflowEndpointName;
  params: Record<string, string>;
}

interface CompiledRoute {
  endpointName: OnflowEndpointName;
  method: string;
  pattern: RegExp;
  names: string[];
}

/** README §3: every path is served with and without `/api`, and under each documented variant. */
const ROUTES: CompiledRoute[] = Object.entries(ONFLOW_ENDPOINTS).flatMap(([endpointName, endpoint]) => {
  const templates: readonly string[] = [endpoint.path, ...("alternativePaths" in endpoint ? endpoint.alternativePaths : [])];
  return templates.map((template) => {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { endpointName: endpointName as OnflowEndpointName, method: endpoint.method, pattern: new RegExp(`^(?:/api)?${source}/?$`), names };
  });
});

/** Returns the route, "method" when only the method is wrong (405), or null (404). */
export function matchApiRoute(method: string, pathname: string): MatchedRoute | "method" | null {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
    return { endpointName: route.endpointName, params };
  }
  return pathMatched ? "method" : null;
}
