/**
 * Every Onflow Open API endpoint we know of: the single place where paths and methods live.
 *
 * Paths are relative to the configurable API prefix (`/api` by default, README §3). `source` says
 * whether the path is documented or our best guess; `doc` points at the section it follows, so a
 * maintainer holding Onflow's full documentation corrects a guess here and nowhere else.
 */

export type HttpMethod = "GET" | "POST" | "PUT";

export interface OnflowEndpoint {
  method: HttpMethod;
  /** Template with `{param}` placeholders, relative to the API prefix. */
  path: string;
  /** Other paths the same operation has been documented under; only the emulator serves them. */
  alternativePaths?: readonly string[];
  /** [doc] README §3: two PO pages show `/v1/...` without the `/api` prefix. */
  withoutApiPrefix?: boolean;
  source: "doc" | "inferred";
  doc: string;
  /** [doc] README §5: 201 on create product / PO, 200 elsewhere. */
  successStatus: 200 | 201;
  /** Whether repeating the call after an ambiguous failure (timeout, reset, 5xx) is harmless. */
  idempotent: boolean;
  multipart?: boolean;
}

export const ONFLOW_ENDPOINTS = {
  listWarehouses: { method: "GET", path: "/v1/warehouses", source: "inferred", doc: "config.md §1", successStatus: 200, idempotent: true },
  listBrands: { method: "GET", path: "/v1/brands", source: "inferred", doc: "config.md §2", successStatus: 200, idempotent: true },
  listProvinces: { method: "GET", path: "/v1/address/provinces", source: "inferred", doc: "config.md §3", successStatus: 200, idempotent: true },
  listDistricts: { method: "GET", path: "/v1/address/districts", source: "inferred", doc: "config.md §3", successStatus: 200, idempotent: true },
  listWards: { method: "GET", path: "/v1/address/wards", source: "inferred", doc: "config.md §3", successStatus: 200, idempotent: true },
  uploadFile: { method: "POST", path: "/v1/files/upload", source: "inferred", doc: "config.md §4", successStatus: 200, idempotent: true, multipart: true },

  createProduct: { method: "POST", path: "/v1/products/create", source: "doc", doc: "product.md §1", successStatus: 201, idempotent: false },
  assignProduct: { method: "PUT", path: "/v1/products/{oasin}/assign", source: "inferred", doc: "product.md §2", successStatus: 200, idempotent: true },
  listProducts: { method: "GET", path: "/v1/products/list", source: "inferred", doc: "product.md §3", successStatus: 200, idempotent: true },
  getProduct: { method: "GET", path: "/v1/products/{oasin}/detail", source: "doc", doc: "product.md §4", successStatus: 200, idempotent: true },
  listStock: { method: "GET", path: "/v1/products/stock", source: "inferred", doc: "product.md §5", successStatus: 200, idempotent: true },
  deactivateProduct: { method: "PUT", path: "/v1/products/{oasin}/deactivate", source: "inferred", doc: "product.md §6", successStatus: 200, idempotent: true },

  createPurchaseOrder: { method: "POST", path: "/v1/purchase-orders/create", source: "doc", doc: "po.md §1", successStatus: 201, idempotent: false },
  listPurchaseOrders: { method: "GET", path: "/v1/purchase-orders/list", source: "inferred", doc: "po.md §2", successStatus: 200, idempotent: true },
  getPurchaseOrderBill: { method: "GET", path: "/v1/purchase-orders/{po_code}/export-po-bill", withoutApiPrefix: true, source: "doc", doc: "po.md §3", successStatus: 200, idempotent: true },
  getPurchaseOrder: { method: "GET", path: "/v1/purchase-orders/{po_code}/detail", source: "inferred", doc: "po.md §4", successStatus: 200, idempotent: true },
  getPurchaseOrderInspection: { method: "GET", path: "/v1/purchase-orders/{po_code}/inspection-list", withoutApiPrefix: true, source: "doc", doc: "po.md §5", successStatus: 200, idempotent: true },
  cancelPurchaseOrder: { method: "PUT", path: "/v1/purchase-orders/{po_code}/cancel", source: "doc", doc: "po.md §6", successStatus: 200, idempotent: true },

  createShipment: { method: "POST", path: "/v1/shipments/b2c/create", source: "doc", doc: "shipment-b2c.md §1", successStatus: 200, idempotent: false },
  listShipments: { method: "GET", path: "/v1/shipments/b2c/list", source: "inferred", doc: "shipment-b2c.md §2", successStatus: 200, idempotent: true },
  getShipment: {
    method: "GET",
    path: "/v1/shipments/{tracking_code}/detail",
    // README §12 item 2: the newest generation may have moved detail under `b2c` like cancel.
    alternativePaths: ["/v1/shipments/b2c/{tracking_code}/detail"],
    source: "doc",
    doc: "shipment-b2c.md §3",
    successStatus: 200,
    idempotent: true,
  },
  cancelShipment: { method: "PUT", path: "/v1/shipments/b2c/{tracking_code}/cancel", source: "doc", doc: "shipment-b2c.md §4", successStatus: 200, idempotent: true },

  createReturn: { method: "POST", path: "/v1/return-shipments/b2c/create", source: "inferred", doc: "return-b2c.md §1", successStatus: 200, idempotent: false },
  listReturns: { method: "GET", path: "/v1/return-shipments/b2c/list", source: "inferred", doc: "return-b2c.md §2", successStatus: 200, idempotent: true },
  getReturn: { method: "GET", path: "/v1/return-shipments/b2c/{return_tracking_code}/detail", source: "doc", doc: "return-b2c.md §3", successStatus: 200, idempotent: true },
  cancelReturn: { method: "PUT", path: "/v1/return-shipments/b2c/{return_tracking_code}/cancel", source: "inferred", doc: "return-b2c.md §4", successStatus: 200, idempotent: true },
} as const satisfies Record<string, OnflowEndpoint>;

export type OnflowEndpointName = keyof typeof ONFLOW_ENDPOINTS;

/**
 * Query parameter names. [inferred] README §9 (`page` 1-based, `page_size`) and config.md §3;
 * filters are guesses, so callers must not rely on the server applying them.
 */
export const ONFLOW_QUERY_PARAMS = {
  page: "page",
  pageSize: "page_size",
  sku: "sku",
  warehouseCode: "warehouse_code",
  /** product.md §5 [inferred]: Get Stock narrowed to one product. */
  oasin: "oasin",
  provinceId: "province_id",
  districtId: "district_id",
  addressVersion: "version",
  merchantTrackingReference: "merchant_tracking_code_reference",
  merchantReturnReference: "merchant_return_tracking_code_reference",
} as const;

/** [inferred] README §9: the portal's default page size. */
export const DEFAULT_ONFLOW_PAGE_SIZE = 50;

/** [inferred] config.md §3: the three-level (province → district → ward) address model. */
export const ONFLOW_LEGACY_ADDRESS_VERSION = "legacy";

export function buildEndpointPath(
  endpoint: OnflowEndpoint,
  apiPrefix: string,
  pathParams: Record<string, string> = {},
): string {
  const filled = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${endpoint.path}`);
    return encodeURIComponent(value);
  });
  return endpoint.withoutApiPrefix ? filled : `${apiPrefix.replace(/\/$/, "")}${filled}`;
}
