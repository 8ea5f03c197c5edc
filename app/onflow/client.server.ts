/**
 * The HTTP implementation of `OnflowGateway`: talks to Onflow (or the emulator) and answers in
 * domain terms. Wire details come from `endpoints.ts` and `schemas.ts`, never from here.
 */
import { z } from "zod";
import { DEFAULT_ONFLOW_API_PREFIX, ONFLOW_RATE_LIMIT_PER_SECOND } from "./config";
import { DEFAULT_ONFLOW_PAGE_SIZE, ONFLOW_LEGACY_ADDRESS_VERSION, ONFLOW_QUERY_PARAMS as Q } from "./endpoints";
import type { OnflowGateway, Page } from "./gateway";
import * as map from "./mappers";
import { DEFAULT_RETRY_POLICY } from "./retry-policy";
import * as wire from "./schemas";
import type { Language } from "./statuses";
import { createOnflowTransport } from "./transport.server";

export interface OnflowClientOptions {
  baseUrl: string;
  /** Default "/api" (README §3). */
  apiPrefix?: string;
  token: string;
  language?: Language;
  timeoutMs?: number;
  maxRetries?: number;
  /** First backoff step; later steps double. */
  retryBaseDelayMs?: number;
  fetch?: typeof fetch;
  rateLimitPerSecond?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const UNREPORTED_NEW_STATUS = { status: "new", value: null, label: null, updatedAt: null } as const;

export function createOnflowClient(options: OnflowClientOptions): OnflowGateway {
  const call = createOnflowTransport({
    baseUrl: options.baseUrl,
    apiPrefix: options.apiPrefix ?? DEFAULT_ONFLOW_API_PREFIX,
    token: options.token,
    language: options.language ?? "vi",
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    rateLimitPerSecond: options.rateLimitPerSecond ?? ONFLOW_RATE_LIMIT_PER_SECOND,
    retryPolicy: {
      ...DEFAULT_RETRY_POLICY,
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
      baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    },
    fetch: options.fetch ?? globalThis.fetch,
  });

  /** A list page as Onflow sent it: `total` stays null when the envelope omits it. */
  async function fetchList<Schema extends z.ZodType, Item>(
    endpointName: Parameters<typeof call>[0],
    rowSchema: Schema,
    toItem: (row: z.output<Schema>) => Item,
    query: Record<string, string | number | undefined> = {},
  ): Promise<{ items: Item[]; total: number | null }> {
    const { data, total } = await call(endpointName, z.array(rowSchema), { query });
    return { items: data.map(toItem), total };
  }

  async function list<Schema extends z.ZodType, Item>(...args: Parameters<typeof fetchList<Schema, Item>>): Promise<Page<Item>> {
    const { items, total } = await fetchList(...args);
    return { items, total: total ?? items.length };
  }

  /** README §9 [inferred]: stop on a short page, since filters may be ignored and `total` absent. */
  async function findFirst<Item>(
    fetchPage: (page: number, pageSize: number) => Promise<{ items: Item[]; total: number | null }>,
    matches: (item: Item) => boolean,
  ): Promise<Item | null> {
    for (let page = 1; ; page += 1) {
      const { items, total } = await fetchPage(page, DEFAULT_ONFLOW_PAGE_SIZE);
      const found = items.find(matches);
      if (found) return found;
      const lastPage = items.length < DEFAULT_ONFLOW_PAGE_SIZE || (total !== null && page * DEFAULT_ONFLOW_PAGE_SIZE >= total);
      if (lastPage) return null;
    }
  }

  return {
    listWarehouses: async () => (await list("listWarehouses", wire.warehouseSchema, map.toWarehouse)).items,
    listBrands: async () => (await list("listBrands", wire.brandSchema, (brand) => ({ id: brand.id, name: brand.name }))).items,
    listProvinces: async () => (await list("listProvinces", wire.addressUnitSchema, map.toAddressUnit)).items,
    listDistricts: async (provinceId) =>
      (await list("listDistricts", wire.addressUnitSchema, map.toAddressUnit, { [Q.provinceId]: provinceId })).items,
    listWards: async (districtId) =>
      (
        await list("listWards", wire.addressUnitSchema, map.toAddressUnit, {
          [Q.districtId]: districtId,
          [Q.addressVersion]: ONFLOW_LEGACY_ADDRESS_VERSION,
        })
      ).items,

    async uploadFile(file) {
      const form = new FormData();
      // config.md §4 [inferred]: a single multipart part named "file".
      form.set("file", new Blob([Uint8Array.from(file.content)], { type: file.contentType }), file.fileName);
      const { data } = await call("uploadFile", wire.uploadedFileSchema, { form });
      return map.toUploadedFile(data);
    },

    async createProduct(input) {
      const json = wire.createProductRequestSchema.parse(map.toCreateProductRequest(input));
      const { data } = await call("createProduct", wire.createProductResponseSchema, { json });
      return { oasin: data.oasin, status: data.status ?? "NEW" };
    },
    async assignProduct({ oasin, warehouseCode }) {
      const json = wire.assignProductRequestSchema.parse({ warehouse_code: warehouseCode });
      await call("assignProduct", z.unknown(), { pathParams: { oasin }, json });
    },
    listProducts: ({ page, pageSize, sku }) =>
      list("listProducts", wire.productSchema, map.toProduct, { [Q.page]: page, [Q.pageSize]: pageSize, [Q.sku]: sku }),
    findProductBySku: (sku) =>
      findFirst(
        (page, pageSize) => fetchList("listProducts", wire.productSchema, map.toProduct, { [Q.page]: page, [Q.pageSize]: pageSize, [Q.sku]: sku }),
        (product) => product.sku === sku,
      ),
    async getProduct(oasin) {
      const { data } = await call("getProduct", wire.productSchema, { pathParams: { oasin } });
      return map.toProduct(data);
    },
    listStock: ({ page, pageSize, warehouseCode, oasin }) =>
      list("listStock", wire.stockLineSchema, map.toStockLine, {
        [Q.page]: page,
        [Q.pageSize]: pageSize,
        [Q.warehouseCode]: warehouseCode,
        [Q.oasin]: oasin,
      }),
    async deactivateProduct(oasin) {
      await call("deactivateProduct", z.unknown(), { pathParams: { oasin } });
    },

    async createShipment(input) {
      const json = wire.createShipmentRequestSchema.parse(map.toCreateShipmentRequest(input));
      const { data } = await call("createShipment", wire.createShipmentResponseSchema, { json });
      // shipment-b2c.md §1 [doc]: a new shipment is NEW, even when the response omits its status.
      const status = data.status_info ? map.toShipmentStatusInfo(data.status_info) : UNREPORTED_NEW_STATUS;
      return { trackingCode: data.tracking_code, status };
    },
    listShipments: ({ page, pageSize, merchantReference }) =>
      list("listShipments", wire.shipmentSchema, map.toShipment, {
        [Q.page]: page,
        [Q.pageSize]: pageSize,
        [Q.merchantTrackingReference]: merchantReference,
      }),
    findShipmentByReference: (merchantReference) =>
      findFirst(
        (page, pageSize) =>
          fetchList("listShipments", wire.shipmentSchema, map.toShipment, {
            [Q.page]: page,
            [Q.pageSize]: pageSize,
            [Q.merchantTrackingReference]: merchantReference,
          }),
        (shipment) => shipment.merchantReference === merchantReference,
      ),
    async getShipment(trackingCode) {
      const { data } = await call("getShipment", wire.shipmentSchema, { pathParams: { tracking_code: trackingCode } });
      return map.toShipment(data);
    },
    async cancelShipment(trackingCode) {
      const { data } = await call("cancelShipment", wire.cancellationResponseSchema, {
        pathParams: { tracking_code: trackingCode },
      });
      return map.toShipmentCancellation(data);
    },

    async createPurchaseOrder(input) {
      const json = wire.createPurchaseOrderRequestSchema.parse(map.toCreatePurchaseOrderRequest(input));
      const { data } = await call("createPurchaseOrder", wire.createPurchaseOrderResponseSchema, { json });
      return { poCode: data.po_code, status: data.status ?? "TRANSIT" };
    },
    listPurchaseOrders: ({ page, pageSize }) =>
      list("listPurchaseOrders", wire.purchaseOrderSchema, map.toPurchaseOrder, { [Q.page]: page, [Q.pageSize]: pageSize }),
    async getPurchaseOrder(poCode) {
      const { data } = await call("getPurchaseOrder", wire.purchaseOrderSchema, { pathParams: { po_code: poCode } });
      return map.toPurchaseOrder(data);
    },
    async getPurchaseOrderBillUrl(poCode) {
      const { data } = await call("getPurchaseOrderBill", wire.purchaseOrderBillSchema, { pathParams: { po_code: poCode } });
      return data.po_bill_url;
    },
    async getPurchaseOrderInspection(poCode) {
      const { data } = await call("getPurchaseOrderInspection", z.array(wire.inspectionLineSchema), {
        pathParams: { po_code: poCode },
      });
      return data.map(map.toInspectionLine);
    },
    async cancelPurchaseOrder(poCode) {
      await call("cancelPurchaseOrder", wire.cancelPurchaseOrderResponseSchema, { pathParams: { po_code: poCode } });
    },

    async createReturn(input) {
      const json = wire.createReturnRequestSchema.parse(map.toCreateReturnRequest(input));
      const { data } = await call("createReturn", wire.createReturnResponseSchema, { json });
      const status = data.status_info ? map.toReturnStatusInfo(data.status_info) : UNREPORTED_NEW_STATUS;
      return { returnTrackingCode: data.return_tracking_code, status };
    },
    listReturns: ({ page, pageSize, merchantReference }) =>
      list("listReturns", wire.returnShipmentSchema, map.toReturnShipment, {
        [Q.page]: page,
        [Q.pageSize]: pageSize,
        [Q.merchantReturnReference]: merchantReference,
      }),
    async getReturn(returnTrackingCode) {
      const { data } = await call("getReturn", wire.returnShipmentSchema, {
        pathParams: { return_tracking_code: returnTrackingCode },
      });
      return map.toReturnShipment(data);
    },
    async cancelReturn(returnTrackingCode) {
      const { data } = await call("cancelReturn", wire.cancellationResponseSchema, {
        pathParams: { return_tracking_code: returnTrackingCode },
      });
      return map.toReturnCancellation(data);
    },
  } satisfies OnflowGateway;
}
