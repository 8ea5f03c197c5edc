/**
 * What the rest of the app may ask of Onflow, in our own words. Implementations: the HTTP client
 * (`createOnflowClient`) against the real API or the emulator. Failures throw `OnflowError`.
 */
import type {
  ProductStatus,
  PurchaseOrderStatus,
  ReturnStatus,
  ShipmentStatus,
  StockLevel,
} from "./statuses";

export interface Page<Item> {
  items: Item[];
  total: number;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface Warehouse {
  code: string;
  name: string | null;
  address: string | null;
}

export interface Brand {
  id: number;
  name: string;
}

export interface AddressUnit {
  id: string;
  name: string;
}

export interface UploadFileInput {
  fileName: string;
  contentType: string;
  content: Uint8Array;
}

export interface UploadedFile {
  url: string;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
}

export interface CreateProductInput {
  sku: string;
  name: string;
  brandId?: number;
  /** Defaults to the one documented value, "PHYSICAL". */
  productType?: string;
  unit?: string;
  barcodes?: string[];
  weightGrams?: number;
  lengthCm?: number;
  widthCm?: number;
  heightCm?: number;
  size?: string;
  color?: string;
  priceVnd?: number;
  mainImageUrl?: string;
  secondaryImageUrl?: string;
  characteristics?: string[];
  minStockWarning?: number;
  storageMethod?: string;
  inventoryTrackingType?: string;
  outboundStrategy?: string;
  shelfLifeDays?: number | null;
}

export interface Product {
  oasin: string;
  sku: string;
  name: string;
  status: ProductStatus;
  priceVnd: number | null;
  brand: Brand | null;
  barcodes: string[];
  weightGrams: number | null;
  characteristics: string[];
  mainImageUrl: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface StockLine {
  oasin: string;
  sku: string | null;
  warehouseCode: string;
  stockLevel: StockLevel;
  quantity: number;
}

export interface StatusInfo<Status> {
  status: Status;
  /** Onflow's raw numeric status, kept for display and for correcting our guesses; null if not reported. */
  value: number | null;
  label: string | null;
  updatedAt: Date | null;
}

export interface Receiver {
  name: string;
  phone: string;
  address: string;
  ward: string;
  district: string;
  province: string;
}

export interface CreateShipmentInput {
  warehouseCode: string;
  platform: string;
  /** Our key for the order (the fulfillment order id); Onflow refuses a second shipment with it. */
  merchantReference: string;
  items: { oasin: string; quantity: number }[];
  receiver: Receiver;
  codAmountVnd?: number;
  note?: string;
}

export interface Shipment {
  trackingCode: string;
  merchantReference: string;
  warehouseCode: string;
  platform: string | null;
  status: StatusInfo<ShipmentStatus>;
  courierTrackingCode: string | null;
  courierName: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  pickedAt: Date | null;
  packedAt: Date | null;
  handedOverAt: Date | null;
  cancelledAt: Date | null;
}

export interface Cancellation<Status> {
  status: StatusInfo<Status>;
  cancelledAt: Date | null;
}

export interface CreatePurchaseOrderInput {
  warehouseCode: string;
  merchantReference?: string;
  estimatedArrivalAt?: Date;
  valueAddedServices?: string[];
  packages: {
    packageCode: string;
    weightGrams?: number;
    lengthCm?: number;
    widthCm?: number;
    heightCm?: number;
    note?: string;
    items: { oasin: string; quantity: number }[];
  }[];
  documents?: { type: string; url: string; printQuantity?: number }[];
  note?: string;
}

export interface PurchaseOrder {
  poCode: string;
  merchantReference: string | null;
  warehouseCode: string;
  status: PurchaseOrderStatus;
  estimatedArrivalAt: Date | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  packages: { packageCode: string; items: { oasin: string; quantity: number }[] }[];
}

export interface InspectionLine {
  packageCode: string;
  oasin: string;
  sku: string | null;
  declaredQuantity: number;
  inboundQuantity: number;
  putawayQuantity: number;
  stockLevel: StockLevel;
  batchLotCode: string | null;
}

export interface CreateReturnInput {
  shipmentTrackingCode: string;
  merchantReference: string;
  returnCourierTrackingCode?: string;
  warehouseCode?: string;
  note?: string;
}

export interface ReturnShipment {
  returnTrackingCode: string;
  shipmentTrackingCode: string;
  merchantReference: string;
  warehouseCode: string;
  partnerTrackingCode: string | null;
  returnCourierTrackingCode: string | null;
  status: StatusInfo<ReturnStatus>;
  createdAt: Date | null;
  cancelledAt: Date | null;
}

export interface OnflowGateway {
  listWarehouses(): Promise<Warehouse[]>;
  listBrands(): Promise<Brand[]>;
  listProvinces(): Promise<AddressUnit[]>;
  listDistricts(provinceId: string): Promise<AddressUnit[]>;
  listWards(districtId: string): Promise<AddressUnit[]>;
  uploadFile(file: UploadFileInput): Promise<UploadedFile>;

  createProduct(input: CreateProductInput): Promise<{ oasin: string; status: ProductStatus }>;
  assignProduct(input: { oasin: string; warehouseCode: string }): Promise<void>;
  listProducts(query: PageRequest & { sku?: string }): Promise<Page<Product>>;
  /** Pages through the list, because Onflow may ignore the (inferred) `sku` filter. */
  findProductBySku(sku: string): Promise<Product | null>;
  getProduct(oasin: string): Promise<Product>;
  /** `oasin` is an inferred filter Onflow may ignore: callers still check each line. */
  listStock(query: PageRequest & { warehouseCode?: string; oasin?: string }): Promise<Page<StockLine>>;
  deactivateProduct(oasin: string): Promise<void>;

  createShipment(input: CreateShipmentInput): Promise<{ trackingCode: string; status: StatusInfo<ShipmentStatus> }>;
  listShipments(query: PageRequest & { merchantReference?: string }): Promise<Page<Shipment>>;
  findShipmentByReference(merchantReference: string): Promise<Shipment | null>;
  getShipment(trackingCode: string): Promise<Shipment>;
  /** Refused by Onflow once the parcel has been handed over. */
  cancelShipment(trackingCode: string): Promise<Cancellation<ShipmentStatus>>;

  createPurchaseOrder(input: CreatePurchaseOrderInput): Promise<{ poCode: string; status: PurchaseOrderStatus }>;
  listPurchaseOrders(query: PageRequest): Promise<Page<PurchaseOrder>>;
  getPurchaseOrder(poCode: string): Promise<PurchaseOrder>;
  getPurchaseOrderBillUrl(poCode: string): Promise<string>;
  /** Only available once the PO is COMPLETED. */
  getPurchaseOrderInspection(poCode: string): Promise<InspectionLine[]>;
  cancelPurchaseOrder(poCode: string): Promise<void>;

  createReturn(input: CreateReturnInput): Promise<{ returnTrackingCode: string; status: StatusInfo<ReturnStatus> }>;
  listReturns(query: PageRequest & { merchantReference?: string }): Promise<Page<ReturnShipment>>;
  getReturn(returnTrackingCode: string): Promise<ReturnShipment>;
  cancelReturn(returnTrackingCode: string): Promise<Cancellation<ReturnStatus>>;
}
