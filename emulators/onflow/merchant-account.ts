/**
 * One emulated Onflow merchant account (one token): catalogue, stock, POs, B2C shipments and
 * returns with their documented life cycles. Speaks the wire format; refuses with `OnflowRefusal`.
 */
import { randomUUID } from "node:crypto";
import type {
  CreateProductRequest,
  CreatePurchaseOrderRequest,
  CreateReturnRequest,
  CreateShipmentRequest,
} from "../../app/onflow/schemas";
import {
  RETURN_STATUS_CODES,
  SHIPMENT_STATUS_CODES,
  type Language,
  type ProductStatus,
  type PurchaseOrderStatus,
} from "../../app/onflow/statuses";
import {
  ONFLOW_WEBHOOK_EVENT_CODES,
  type PurchaseOrderWebhookPayload,
  type ReturnWebhookPayload,
  type ShipmentWebhookPayload,
  type StockWebhookPayload,
} from "../../app/onflow/webhooks";
import { OnflowRefusal } from "./reply";
import { COURIERS_BY_PLATFORM, SEEDED_BRANDS, SEEDED_WAREHOUSES } from "./seed-data";

export type WebhookPayload = StockWebhookPayload | ShipmentWebhookPayload | ReturnWebhookPayload | PurchaseOrderWebhookPayload;

type ShipmentStep = "picked" | "packed" | "handed_over";
export const SHIPMENT_STEPS: readonly ShipmentStep[] = ["picked", "packed", "handed_over"];
export type ReturnOutcome = "received" | "received_with_problem";

interface Product {
  oasin: string;
  request: CreateProductRequest;
  status: ProductStatus;
  warehouses: Set<string>;
  createdTime: number;
  updatedTime: number;
}

interface Shipment {
  trackingCode: string;
  request: CreateShipmentRequest;
  statusValue: number;
  statusTime: number;
  createdTime: number;
  updatedTime: number;
  pickedTime: number | null;
  packedTime: number | null;
  handoverTime: number | null;
  cancelledTime: number | null;
  courierTrackingCode: string | null;
  courierName: string | null;
}

interface PurchaseOrder {
  poCode: string;
  request: CreatePurchaseOrderRequest;
  status: PurchaseOrderStatus;
  createdTime: number;
  updatedTime: number;
  inspection: InspectionRow[];
}

interface InspectionRow {
  package_code: string;
  oasin: string;
  sku: string;
  product_quantity: number;
  inbound_quantity: number;
  putaway_quantity: number;
  is_putaway_completed: boolean;
  stock_level: string;
  batch_lot_code: string;
  manufacturing_date: number;
}

interface ReturnShipment {
  returnTrackingCode: string;
  request: CreateReturnRequest;
  warehouseCode: string;
  partnerTrackingCode: string | null;
  statusValue: number;
  statusTime: number;
  createdTime: number;
  cancelledTime: number | null;
}

export interface IdSequence {
  next(prefix: "OASIN" | "OAPO" | "OASC" | "OARSC" | "TXN" | "COURIER"): string;
}

export interface ReceivedLine {
  oasin: string;
  quantity: number;
  stockLevel?: string;
  packageCode?: string;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export class MerchantAccount {
  private products = new Map<string, Product>();
  private stock = new Map<string, number>();
  private shipments = new Map<string, Shipment>();
  private purchaseOrders = new Map<string, PurchaseOrder>();
  private returns = new Map<string, ReturnShipment>();

  constructor(
    private readonly ids: IdSequence,
    private readonly identity: { userId: number; businessId: number },
    private readonly emit: (payload: WebhookPayload) => void,
    private readonly acceptedPlatforms: readonly string[],
  ) {}

  // ---------- config ----------

  private requireWarehouse(code: string): void {
    if (!SEEDED_WAREHOUSES.some((warehouse) => warehouse.warehouse_code === code)) {
      throw new OnflowRefusal("NOT_FOUND", `warehouse_code ${code}`);
    }
  }

  // ---------- products ----------

  createProduct(request: CreateProductRequest) {
    if ([...this.products.values()].some((product) => product.request.sku === request.sku)) {
      throw new OnflowRefusal("PRODUCT_SKU_ALREADY_EXISTS", `sku ${request.sku}`);
    }
    if (request.brand_id !== undefined && !SEEDED_BRANDS.some((brand) => brand.id === request.brand_id)) {
      throw new OnflowRefusal("INVALID_PAYLOAD", `brand_id ${request.brand_id} does not exist`);
    }
    const time = nowSeconds();
    const product: Product = { oasin: this.ids.next("OASIN"), request, status: "NEW", warehouses: new Set(), createdTime: time, updatedTime: time };
    this.products.set(product.oasin, product);
    return { oasin: product.oasin, sku: request.sku, status: product.status, created_time: time };
  }

  private requireProduct(oasin: string): Product {
    const product = this.products.get(oasin);
    if (!product) throw new OnflowRefusal("PRODUCTS_BY_OASIN_NOT_FOUND", null, [oasin]);
    return product;
  }

  /** product.md §2 [inferred]: assignment maps the product and, for a NEW one, activates it. */
  assignProduct(oasin: string, warehouseCode: string) {
    const product = this.requireProduct(oasin);
    this.requireWarehouse(warehouseCode);
    if (product.status === "INACTIVE") throw new OnflowRefusal("PRODUCTS_INACTIVE", null, [oasin]);
    product.warehouses.add(warehouseCode);
    product.status = "ACTIVE";
    product.updatedTime = nowSeconds();
    return { oasin, warehouse_code: warehouseCode, status: product.status, success: true };
  }

  deactivateProduct(oasin: string) {
    const product = this.requireProduct(oasin);
    product.status = "INACTIVE";
    product.updatedTime = nowSeconds();
    return { oasin, status: product.status, success: true };
  }

  productDetail(oasin: string) {
    const product = this.products.get(oasin);
    if (!product) throw new OnflowRefusal("NOT_FOUND", `oasin ${oasin}`);
    return this.productView(product);
  }

  listProducts(filter: { sku?: string }) {
    return [...this.products.values()].filter((product) => !filter.sku || product.request.sku === filter.sku).map((product) => this.productView(product));
  }

  /** product.md §4: price as a two-decimal string, characteristics as a single string. */
  private productView(product: Product) {
    const request = product.request;
    const brand = SEEDED_BRANDS.find((candidate) => candidate.id === request.brand_id) ?? null;
    return {
      currency: "VND",
      created_time: product.createdTime,
      updated_time: product.updatedTime,
      oasin: product.oasin,
      name: request.name,
      sku: request.sku,
      status: product.status,
      price: request.product_price === undefined ? null : request.product_price.toFixed(2),
      brand,
      barcodes: request.product_barcodes ?? [],
      weight: request.weight ?? null,
      length: request.length ?? null,
      width: request.width ?? null,
      height: request.height ?? null,
      product_size: request.product_size ?? null,
      product_image_url_main: request.product_image_url_main ?? null,
      product_image_url_secondary: request.product_image_url_secondary ?? null,
      product_characteristics: request.product_characteristics?.[0] ?? null,
      storage_method: request.storage_method ?? null,
      inventory_tracking_type: request.inventory_tracking_type ?? null,
      outbound_strategy: request.outbound_strategy ?? null,
      shelf_life: request.shelf_life ?? null,
    };
  }

  /** Checks shared by POs and shipments (README §7 codes). */
  private requireShippable(oasins: string[], warehouseCode: string): void {
    this.requireWarehouse(warehouseCode);
    const unique = [...new Set(oasins)];
    const missing = unique.filter((oasin) => !this.products.has(oasin));
    if (missing.length) throw new OnflowRefusal("PRODUCTS_BY_OASIN_NOT_FOUND", null, missing);
    const products = unique.map((oasin) => this.products.get(oasin) as Product);
    const unmapped = products.filter((product) => !product.warehouses.has(warehouseCode)).map((product) => product.oasin);
    if (unmapped.length) throw new OnflowRefusal("PRODUCTS_NOT_MAPPED_IN_WAREHOUSE", null, unmapped);
    const inactive = products.filter((product) => product.status !== "ACTIVE").map((product) => product.oasin);
    if (inactive.length) throw new OnflowRefusal("PRODUCTS_INACTIVE", null, inactive);
  }

  // ---------- stock ----------

  private stockKey(oasin: string, warehouseCode: string, stockLevel: string): string {
    return `${oasin}|${warehouseCode}|${stockLevel}`;
  }

  stockOf(oasin: string, warehouseCode: string, stockLevel = "A"): number {
    return this.stock.get(this.stockKey(oasin, warehouseCode, stockLevel)) ?? 0;
  }

  listStock(filter: { warehouseCode?: string; oasin?: string }) {
    return [...this.stock.entries()]
      .map(([key, quantity]) => {
        const [oasin, warehouseCode, stockLevel] = key.split("|");
        return { oasin, sku: this.products.get(oasin)?.request.sku ?? null, warehouse_code: warehouseCode, stock_level: stockLevel, quantity };
      })
      .filter((line) => (!filter.warehouseCode || line.warehouse_code === filter.warehouseCode) && (!filter.oasin || line.oasin === filter.oasin));
  }

  /** Moves stock and tells the merchant, as Onflow's Updated Stock webhook does (webhooks.md §1). */
  private moveStock(move: { oasin: string; warehouseCode: string; stockLevel: string; quantity: number; transactionType: string; referenceCode: string }): void {
    const key = this.stockKey(move.oasin, move.warehouseCode, move.stockLevel);
    const remaining = (this.stock.get(key) ?? 0) + move.quantity;
    this.stock.set(key, remaining);
    this.emit({
      user_id: this.identity.userId,
      business_id: this.identity.businessId,
      instance_id: randomUUID(),
      event_code: ONFLOW_WEBHOOK_EVENT_CODES.stockUpdated,
      transaction_id: this.ids.next("TXN"),
      transaction_type: move.transactionType,
      transaction_created_time: nowSeconds(),
      reference_code: move.referenceCode,
      oasin: move.oasin,
      sku: this.products.get(move.oasin)?.request.sku ?? null,
      movement_quantity: move.quantity,
      remaining_stock: remaining,
      stock_level: move.stockLevel,
      is_abnormal: false,
    });
  }

  /** Control API: an inventory count. `transaction_type` "ADJUSTMENT" is [inferred]. */
  setStock(oasin: string, warehouseCode: string, quantity: number, stockLevel = "A"): void {
    this.requireProduct(oasin);
    this.requireWarehouse(warehouseCode);
    const difference = quantity - this.stockOf(oasin, warehouseCode, stockLevel);
    this.moveStock({ oasin, warehouseCode, stockLevel, quantity: difference, transactionType: "ADJUSTMENT", referenceCode: "STOCKTAKE" });
  }

  // ---------- purchase orders ----------

  createPurchaseOrder(request: CreatePurchaseOrderRequest) {
    this.requireShippable(request.packages.flatMap((pkg) => pkg.items.map((item) => item.oasin)), request.warehouse_code);
    const time = nowSeconds();
    const order: PurchaseOrder = { poCode: this.ids.next("OAPO"), request, status: "TRANSIT", createdTime: time, updatedTime: time, inspection: [] };
    this.purchaseOrders.set(order.poCode, order);
    return { created_time: time, po_code: order.poCode, status: order.status };
  }

  private requirePurchaseOrder(poCode: string): PurchaseOrder {
    const order = this.purchaseOrders.get(poCode);
    if (!order) throw new OnflowRefusal("NOT_FOUND", `po_code ${poCode}`);
    return order;
  }

  purchaseOrderDetail(poCode: string) {
    return this.purchaseOrderView(this.requirePurchaseOrder(poCode));
  }

  listPurchaseOrders() {
    return [...this.purchaseOrders.values()].map((order) => this.purchaseOrderView(order));
  }

  private purchaseOrderView(order: PurchaseOrder) {
    return {
      ...order.request,
      po_code: order.poCode,
      status: order.status,
      created_time: order.createdTime,
      updated_time: order.updatedTime,
    };
  }

  purchaseOrderBill(poCode: string) {
    this.requirePurchaseOrder(poCode);
    return { po_bill_url: `https://onflow-emulator.sgp1.cdn.digitaloceanspaces.com/ts/${poCode.toLowerCase().padEnd(32, "0")}.pdf` };
  }

  purchaseOrderInspection(poCode: string) {
    const order = this.requirePurchaseOrder(poCode);
    if (order.status !== "COMPLETED") throw new OnflowRefusal("PO_NOT_COMPLETED", `${poCode} is ${order.status}`);
    return order.inspection;
  }

  cancelPurchaseOrder(poCode: string) {
    const order = this.requirePurchaseOrder(poCode);
    if (order.status !== "TRANSIT") throw new OnflowRefusal("PO_NOT_CANCELLABLE", `${poCode} is ${order.status}; only TRANSIT can be cancelled`);
    this.changePurchaseOrderStatus(order, "CANCELLED");
    return { po_code: poCode, success: true };
  }

  /** Control API: receive and put away; by default every declared unit arrives in grade A. */
  completePurchaseOrder(poCode: string, received?: ReceivedLine[]) {
    const order = this.requirePurchaseOrder(poCode);
    if (order.status !== "TRANSIT") throw new OnflowRefusal("BAD_REQUEST", `${poCode} is ${order.status}`);
    const lines =
      received ??
      order.request.packages.flatMap((pkg) => pkg.items.map((item) => ({ oasin: item.oasin, quantity: item.product_quantity, stockLevel: "A", packageCode: pkg.package_code })));
    order.inspection = lines.map((line) => {
      const declared = order.request.packages
        .filter((pkg) => !line.packageCode || pkg.package_code === line.packageCode)
        .flatMap((pkg) => pkg.items)
        .filter((item) => item.oasin === line.oasin)
        .reduce((sum, item) => sum + item.product_quantity, 0);
      const product = this.requireProduct(line.oasin);
      return {
        package_code: line.packageCode ?? order.request.packages[0].package_code,
        oasin: line.oasin,
        sku: product.request.sku,
        product_quantity: declared,
        inbound_quantity: line.quantity,
        putaway_quantity: line.quantity,
        is_putaway_completed: true,
        stock_level: line.stockLevel ?? "A",
        batch_lot_code: "",
        manufacturing_date: 0.0,
      };
    });
    for (const row of order.inspection) {
      this.moveStock({ oasin: row.oasin, warehouseCode: order.request.warehouse_code, stockLevel: row.stock_level, quantity: row.putaway_quantity, transactionType: "PUTAWAY", referenceCode: poCode });
    }
    this.changePurchaseOrderStatus(order, "COMPLETED");
    return this.purchaseOrderView(order);
  }

  private changePurchaseOrderStatus(order: PurchaseOrder, status: PurchaseOrderStatus): void {
    order.status = status;
    order.updatedTime = nowSeconds();
    this.emit({
      user_id: this.identity.userId,
      business_id: this.identity.businessId,
      instance_id: randomUUID(),
      event_code: ONFLOW_WEBHOOK_EVENT_CODES.purchaseOrderStatusUpdated,
      po_code: order.poCode,
      merchant_po_reference: order.request.merchant_po_reference ?? null,
      status,
      updated_time: order.updatedTime,
    });
  }

  // ---------- B2C shipments ----------

  createShipment(request: CreateShipmentRequest, language: Language) {
    const platform = request.platform.toLowerCase();
    if (!this.acceptedPlatforms.includes(platform)) {
      throw new OnflowRefusal("INVALID_PAYLOAD", `platform must be one of ${this.acceptedPlatforms.join(", ")}`);
    }
    const reference = request.merchant_tracking_code_reference;
    if ([...this.shipments.values()].some((shipment) => shipment.request.merchant_tracking_code_reference === reference)) {
      throw new OnflowRefusal("SHIPMENT_REFERENCE_ALREADY_EXISTS", `merchant_tracking_code_reference ${reference}`);
    }
    this.requireShippable(request.items.map((item) => item.oasin), request.warehouse_code);
    const time = nowSeconds();
    const shipment: Shipment = {
      trackingCode: this.ids.next("OASC"),
      request: { ...request, platform },
      statusValue: SHIPMENT_STATUS_CODES.new.value,
      statusTime: time,
      createdTime: time,
      updatedTime: time,
      pickedTime: null,
      packedTime: null,
      handoverTime: null,
      cancelledTime: null,
      courierTrackingCode: request.courier_tracking_code ?? null,
      courierName: null,
    };
    this.shipments.set(shipment.trackingCode, shipment);
    return { tracking_code: shipment.trackingCode, merchant_tracking_code_reference: reference, status_info: this.shipmentStatusInfo(shipment, language) };
  }

  private requireShipment(trackingCode: string): Shipment {
    const shipment = this.shipments.get(trackingCode);
    if (!shipment) throw new OnflowRefusal("NOT_FOUND", `tracking_code ${trackingCode}`);
    return shipment;
  }

  private shipmentStatusInfo(shipment: Shipment, language: Language) {
    const code = Object.values(SHIPMENT_STATUS_CODES).find((candidate) => candidate.value === shipment.statusValue);
    return { value: shipment.statusValue, label: code?.label[language] ?? String(shipment.statusValue), updated_time: shipment.statusTime };
  }

  shipmentDetail(trackingCode: string, language: Language) {
    return this.shipmentView(this.requireShipment(trackingCode), language);
  }

  listShipments(filter: { merchantReference?: string }, language: Language) {
    return [...this.shipments.values()]
      .filter((shipment) => !filter.merchantReference || shipment.request.merchant_tracking_code_reference === filter.merchantReference)
      .map((shipment) => this.shipmentView(shipment, language));
  }

  private shipmentView(shipment: Shipment, language: Language) {
    return {
      ...shipment.request,
      status_info: this.shipmentStatusInfo(shipment, language),
      created_time: shipment.createdTime,
      updated_time: shipment.updatedTime,
      tracking_code: shipment.trackingCode,
      courier_tracking_code: shipment.courierTrackingCode,
      courier_name: shipment.courierName,
      picked_time: shipment.pickedTime,
      packed_time: shipment.packedTime,
      handover_time: shipment.handoverTime,
      cancelled_time: shipment.cancelledTime,
    };
  }

  /** README §10.3: cancellable until HANDOVER; 500 once packed, the before-packing value otherwise. */
  cancelShipment(trackingCode: string, language: Language) {
    const shipment = this.requireShipment(trackingCode);
    if (shipment.handoverTime !== null) {
      throw new OnflowRefusal("SHIPMENT_NOT_CANCELLABLE", `${trackingCode} has already been handed over to the carrier`);
    }
    if (shipment.cancelledTime !== null) {
      throw new OnflowRefusal("SHIPMENT_NOT_CANCELLABLE", `${trackingCode} is already cancelled`);
    }
    const code = shipment.packedTime !== null ? SHIPMENT_STATUS_CODES.cancelledAfterPacking : SHIPMENT_STATUS_CODES.cancelledBeforePacking;
    if (shipment.pickedTime !== null) this.moveShipmentStock(shipment, +1, "CANCEL_PUTAWAY");
    this.changeShipmentStatus(shipment, code.value, language);
    shipment.cancelledTime = shipment.statusTime;
    const { value, label } = this.shipmentStatusInfo(shipment, language);
    return { success: true, status_info: { value, label }, cancelled_time: shipment.cancelledTime };
  }

  /** Control API: one warehouse step (picked → packed → handed over), or up to `target`. */
  advanceShipment(trackingCode: string, target: ShipmentStep | undefined, language: Language) {
    const shipment = this.requireShipment(trackingCode);
    if (shipment.cancelledTime !== null) throw new OnflowRefusal("BAD_REQUEST", `${trackingCode} is cancelled`);
    const reached = shipment.handoverTime !== null ? 3 : shipment.packedTime !== null ? 2 : shipment.pickedTime !== null ? 1 : 0;
    const goal = target ? SHIPMENT_STEPS.indexOf(target) + 1 : reached + 1;
    if (goal > SHIPMENT_STEPS.length || goal <= reached) {
      throw new OnflowRefusal("BAD_REQUEST", `${trackingCode} cannot move from step ${reached} to ${goal}`);
    }
    for (let step = reached + 1; step <= goal; step += 1) this.applyShipmentStep(shipment, SHIPMENT_STEPS[step - 1], language);
    return this.shipmentView(shipment, language);
  }

  private applyShipmentStep(shipment: Shipment, step: ShipmentStep, language: Language): void {
    if (step === "picked") {
      const short = shipment.request.items.filter((item) => this.stockOf(item.oasin, shipment.request.warehouse_code) < item.quantity);
      if (short.length) {
        throw new OnflowRefusal("BAD_REQUEST", `not enough grade-A stock to pick ${short.map((item) => item.oasin).join(", ")}`);
      }
      this.moveShipmentStock(shipment, -1, "OUTBOUND");
      this.changeShipmentStatus(shipment, SHIPMENT_STATUS_CODES.picked.value, language);
      shipment.pickedTime = shipment.statusTime;
    } else if (step === "packed") {
      this.changeShipmentStatus(shipment, SHIPMENT_STATUS_CODES.packed.value, language);
      shipment.packedTime = shipment.statusTime;
    } else {
      const courier = COURIERS_BY_PLATFORM[shipment.request.platform] ?? COURIERS_BY_PLATFORM.retail;
      shipment.courierTrackingCode ??= `${courier.prefix}${this.ids.next("COURIER")}`;
      shipment.courierName = courier.name;
      this.changeShipmentStatus(shipment, SHIPMENT_STATUS_CODES.handedOver.value, language);
      // shipment-b2c.md §3: handover_time equals status_info.updated_time at 300.
      shipment.handoverTime = shipment.statusTime;
    }
  }

  /** Outbound stock movements; their `transaction_type` values are [inferred]. */
  private moveShipmentStock(shipment: Shipment, direction: 1 | -1, transactionType: string): void {
    for (const item of shipment.request.items) {
      this.moveStock({ oasin: item.oasin, warehouseCode: shipment.request.warehouse_code, stockLevel: "A", quantity: direction * item.quantity, transactionType, referenceCode: shipment.trackingCode });
    }
  }

  private changeShipmentStatus(shipment: Shipment, value: number, language: Language): void {
    shipment.statusValue = value;
    shipment.statusTime = nowSeconds();
    shipment.updatedTime = shipment.statusTime;
    this.emit({
      user_id: this.identity.userId,
      business_id: this.identity.businessId,
      instance_id: randomUUID(),
      event_code: ONFLOW_WEBHOOK_EVENT_CODES.shipmentStatusUpdated,
      tracking_code: shipment.trackingCode,
      merchant_tracking_code_reference: shipment.request.merchant_tracking_code_reference,
      warehouse_code: shipment.request.warehouse_code,
      courier_tracking_code: shipment.courierTrackingCode,
      courier_name: shipment.courierName,
      status_info: this.shipmentStatusInfo(shipment, language),
    });
  }

  // ---------- B2C returns ----------

  createReturn(request: CreateReturnRequest, language: Language) {
    const shipment = this.requireShipment(request.shipment_tracking_code);
    const time = nowSeconds();
    const returned: ReturnShipment = {
      returnTrackingCode: this.ids.next("OARSC"),
      request,
      warehouseCode: request.warehouse_code ?? shipment.request.warehouse_code,
      partnerTrackingCode: shipment.request.partner_tracking_code ?? null,
      statusValue: RETURN_STATUS_CODES.new.value,
      statusTime: time,
      createdTime: time,
      cancelledTime: null,
    };
    this.requireWarehouse(returned.warehouseCode);
    this.returns.set(returned.returnTrackingCode, returned);
    return { return_tracking_code: returned.returnTrackingCode, status_info: this.returnStatusInfo(returned, language) };
  }

  private requireReturn(code: string): ReturnShipment {
    const returned = this.returns.get(code);
    if (!returned) throw new OnflowRefusal("NOT_FOUND", `return_tracking_code ${code}`);
    return returned;
  }

  private returnStatusInfo(returned: ReturnShipment, language: Language) {
    const code = Object.values(RETURN_STATUS_CODES).find((candidate) => candidate.value === returned.statusValue);
    return { value: returned.statusValue, label: code?.label[language] ?? String(returned.statusValue), updated_time: returned.statusTime };
  }

  returnDetail(code: string, language: Language) {
    return this.returnView(this.requireReturn(code), language);
  }

  listReturns(filter: { merchantReference?: string }, language: Language) {
    return [...this.returns.values()]
      .filter((returned) => !filter.merchantReference || returned.request.merchant_return_tracking_code_reference === filter.merchantReference)
      .map((returned) => this.returnView(returned, language));
  }

  private returnView(returned: ReturnShipment, language: Language) {
    return {
      ...returned.request,
      status_info: this.returnStatusInfo(returned, language),
      warehouse_code: returned.warehouseCode,
      return_tracking_code: returned.returnTrackingCode,
      partner_tracking_code: returned.partnerTrackingCode,
      return_courier_tracking_code: returned.request.return_courier_tracking_code ?? null,
      created_time: returned.createdTime,
      cancelled_time: returned.cancelledTime,
    };
  }

  cancelReturn(code: string, language: Language) {
    const returned = this.requireReturn(code);
    if (returned.statusValue !== RETURN_STATUS_CODES.new.value) {
      throw new OnflowRefusal("RETURN_NOT_CANCELLABLE", `${code} is no longer new`);
    }
    this.changeReturnStatus(returned, RETURN_STATUS_CODES.cancelled.value, language);
    returned.cancelledTime = returned.statusTime;
    const { value, label } = this.returnStatusInfo(returned, language);
    return { success: true, status_info: { value, label }, cancelled_time: returned.cancelledTime };
  }

  /** Control API: the parcel arrives; sound goods go back to grade A stock, damaged ones to D1. */
  receiveReturn(code: string, outcome: ReturnOutcome, language: Language) {
    const returned = this.requireReturn(code);
    if (returned.statusValue !== RETURN_STATUS_CODES.new.value) throw new OnflowRefusal("BAD_REQUEST", `${code} is no longer new`);
    const shipment = this.requireShipment(returned.request.shipment_tracking_code);
    const stockLevel = outcome === "received" ? "A" : "D1";
    for (const item of shipment.request.items) {
      this.moveStock({ oasin: item.oasin, warehouseCode: returned.warehouseCode, stockLevel, quantity: item.quantity, transactionType: "RETURN_PUTAWAY", referenceCode: code });
    }
    const status = outcome === "received" ? RETURN_STATUS_CODES.received : RETURN_STATUS_CODES.receivedWithProblem;
    this.changeReturnStatus(returned, status.value, language);
    return this.returnView(returned, language);
  }

  private changeReturnStatus(returned: ReturnShipment, value: number, language: Language): void {
    returned.statusValue = value;
    returned.statusTime = nowSeconds();
    this.emit({
      user_id: this.identity.userId,
      business_id: this.identity.businessId,
      instance_id: randomUUID(),
      event_code: ONFLOW_WEBHOOK_EVENT_CODES.returnStatusUpdated,
      return_tracking_code: returned.returnTrackingCode,
      shipment_tracking_code: returned.request.shipment_tracking_code,
      merchant_return_tracking_code_reference: returned.request.merchant_return_tracking_code_reference,
      status_info: this.returnStatusInfo(returned, language),
    });
  }
}
