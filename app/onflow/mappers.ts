/**
 * Translation between the Onflow wire format (snake_case, epoch seconds, numeric statuses) and the
 * domain types of `gateway.ts`. Pure functions, no I/O.
 */
import type { z } from "zod";
import type {
  AddressUnit,
  Cancellation,
  CreateProductInput,
  CreatePurchaseOrderInput,
  CreateReturnInput,
  CreateShipmentInput,
  InspectionLine,
  Product,
  PurchaseOrder,
  ReturnShipment,
  Shipment,
  StatusInfo,
  StockLine,
  UploadedFile,
  Warehouse,
} from "./gateway";
import type {
  CreateProductRequest,
  CreatePurchaseOrderRequest,
  CreateReturnRequest,
  CreateShipmentRequest,
  addressUnitSchema,
  cancellationResponseSchema,
  inspectionLineSchema,
  productSchema,
  purchaseOrderSchema,
  returnShipmentSchema,
  shipmentSchema,
  statusInfoSchema,
  stockLineSchema,
  uploadedFileSchema,
  warehouseSchema,
} from "./schemas";
import { returnStatusOf, shipmentStatusOf, type ReturnStatus, type ShipmentStatus } from "./statuses";

type Wire<Schema extends z.ZodType> = z.output<Schema>;

export function dateFromEpochSeconds(seconds: number | null | undefined): Date | null {
  // po.md §5: an empty date may come as 0.0.
  return seconds ? new Date(seconds * 1000) : null;
}

export function epochSecondsFromDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function toWarehouse(wire: Wire<typeof warehouseSchema>): Warehouse {
  return { code: wire.warehouse_code, name: wire.name ?? null, address: wire.address ?? null };
}

export function toAddressUnit(wire: Wire<typeof addressUnitSchema>): AddressUnit {
  const id = wire.id ?? wire.value ?? wire.ward_id ?? wire.district_id ?? wire.province_id;
  const name = wire.name ?? wire.label ?? wire.ward_name ?? wire.district_name ?? wire.province_name;
  return { id: String(id), name: String(name) };
}

export function toUploadedFile(wire: Wire<typeof uploadedFileSchema>): UploadedFile {
  return {
    url: String(wire.file ?? wire.url),
    fileName: wire.filename ?? null,
    mimeType: wire.mime_type ?? null,
    sizeBytes: wire.size ?? null,
  };
}

export function toCreateProductRequest(input: CreateProductInput): CreateProductRequest {
  return {
    sku: input.sku,
    name: input.name,
    brand_id: input.brandId,
    product_type: input.productType ?? "PHYSICAL",
    product_unit: input.unit,
    product_barcodes: input.barcodes,
    weight: input.weightGrams,
    length: input.lengthCm,
    width: input.widthCm,
    height: input.heightCm,
    product_size: input.size,
    product_color: input.color,
    product_price: input.priceVnd,
    product_image_url_main: input.mainImageUrl,
    product_image_url_secondary: input.secondaryImageUrl,
    product_characteristics: input.characteristics,
    min_stock_warning: input.minStockWarning,
    storage_method: input.storageMethod,
    inventory_tracking_type: input.inventoryTrackingType,
    outbound_strategy: input.outboundStrategy,
    shelf_life: input.shelfLifeDays,
  };
}

export function toProduct(wire: Wire<typeof productSchema>): Product {
  const characteristics = wire.product_characteristics;
  return {
    oasin: wire.oasin,
    sku: wire.sku,
    name: wire.name,
    status: wire.status,
    priceVnd: wire.price ?? null,
    brand: wire.brand ? { id: wire.brand.id, name: wire.brand.name } : null,
    barcodes: wire.barcodes ?? [],
    weightGrams: wire.weight ?? null,
    characteristics: characteristics == null ? [] : Array.isArray(characteristics) ? characteristics : [characteristics],
    mainImageUrl: wire.product_image_url_main ?? null,
    createdAt: dateFromEpochSeconds(wire.created_time),
    updatedAt: dateFromEpochSeconds(wire.updated_time),
  };
}

export function toStockLine(wire: Wire<typeof stockLineSchema>): StockLine {
  return {
    oasin: wire.oasin,
    sku: wire.sku ?? null,
    warehouseCode: wire.warehouse_code,
    stockLevel: wire.stock_level,
    quantity: Number(wire.quantity ?? wire.remaining_stock),
  };
}

export function toCreatePurchaseOrderRequest(input: CreatePurchaseOrderInput): CreatePurchaseOrderRequest {
  return {
    warehouse_code: input.warehouseCode,
    vas: input.valueAddedServices,
    merchant_po_reference: input.merchantReference,
    packages: input.packages.map((pkg) => ({
      package_code: pkg.packageCode,
      weight: pkg.weightGrams,
      length: pkg.lengthCm,
      width: pkg.widthCm,
      height: pkg.heightCm,
      items: pkg.items.map((item) => ({ oasin: item.oasin, product_quantity: item.quantity })),
      package_note: pkg.note,
    })),
    estimated_arrival_time: input.estimatedArrivalAt ? epochSecondsFromDate(input.estimatedArrivalAt) : undefined,
    po_documents: input.documents?.map((document) => ({
      document_type: document.type,
      document_url: document.url,
      print_quantity: document.printQuantity,
    })),
    note: input.note,
  };
}

export function toPurchaseOrder(wire: Wire<typeof purchaseOrderSchema>): PurchaseOrder {
  return {
    poCode: wire.po_code,
    merchantReference: wire.merchant_po_reference ?? null,
    warehouseCode: wire.warehouse_code,
    status: wire.status,
    estimatedArrivalAt: dateFromEpochSeconds(wire.estimated_arrival_time),
    createdAt: dateFromEpochSeconds(wire.created_time),
    updatedAt: dateFromEpochSeconds(wire.updated_time),
    packages: (wire.packages ?? []).map((pkg) => ({
      packageCode: pkg.package_code,
      items: pkg.items.map((item) => ({ oasin: item.oasin, quantity: item.product_quantity })),
    })),
  };
}

export function toInspectionLine(wire: Wire<typeof inspectionLineSchema>): InspectionLine {
  return {
    packageCode: wire.package_code,
    oasin: wire.oasin,
    sku: wire.sku ?? null,
    declaredQuantity: wire.product_quantity,
    inboundQuantity: wire.inbound_quantity,
    putawayQuantity: wire.putaway_quantity,
    stockLevel: wire.stock_level,
    batchLotCode: wire.batch_lot_code ?? null,
  };
}

export function toCreateShipmentRequest(input: CreateShipmentInput): CreateShipmentRequest {
  return {
    warehouse_code: input.warehouseCode,
    platform: input.platform,
    merchant_tracking_code_reference: input.merchantReference,
    items: input.items.map((item) => ({ oasin: item.oasin, quantity: item.quantity })),
    receiver_name: input.receiver.name,
    receiver_phone: input.receiver.phone,
    receiver_address: input.receiver.address,
    receiver_ward: input.receiver.ward,
    receiver_district: input.receiver.district,
    receiver_province: input.receiver.province,
    cod_amount: input.codAmountVnd,
    note: input.note,
  };
}

type WireStatusInfo = Wire<typeof statusInfoSchema>;

export function toShipmentStatusInfo(
  wire: WireStatusInfo,
  milestones?: Parameters<typeof shipmentStatusOf>[1],
): StatusInfo<ShipmentStatus> {
  return {
    status: shipmentStatusOf(wire.value, milestones),
    value: wire.value,
    label: wire.label ?? null,
    updatedAt: dateFromEpochSeconds(wire.updated_time),
  };
}

export function toReturnStatusInfo(wire: WireStatusInfo): StatusInfo<ReturnStatus> {
  return {
    status: returnStatusOf(wire.value),
    value: wire.value,
    label: wire.label ?? null,
    updatedAt: dateFromEpochSeconds(wire.updated_time),
  };
}

export function toShipment(wire: Wire<typeof shipmentSchema>): Shipment {
  const milestones = {
    pickedAt: dateFromEpochSeconds(wire.picked_time),
    packedAt: dateFromEpochSeconds(wire.packed_time),
    handedOverAt: dateFromEpochSeconds(wire.handover_time),
    cancelledAt: dateFromEpochSeconds(wire.cancelled_time),
  };
  return {
    trackingCode: wire.tracking_code,
    merchantReference: wire.merchant_tracking_code_reference,
    warehouseCode: wire.warehouse_code,
    platform: wire.platform ?? null,
    status: toShipmentStatusInfo(wire.status_info, milestones),
    courierTrackingCode: wire.courier_tracking_code ?? null,
    courierName: wire.courier_name ?? null,
    createdAt: dateFromEpochSeconds(wire.created_time),
    updatedAt: dateFromEpochSeconds(wire.updated_time),
    ...milestones,
  };
}

export function toShipmentCancellation(wire: Wire<typeof cancellationResponseSchema>): Cancellation<ShipmentStatus> {
  const cancelledAt = dateFromEpochSeconds(wire.cancelled_time);
  return { status: toShipmentStatusInfo(wire.status_info, { cancelledAt }), cancelledAt };
}

export function toReturnCancellation(wire: Wire<typeof cancellationResponseSchema>): Cancellation<ReturnStatus> {
  return { status: toReturnStatusInfo(wire.status_info), cancelledAt: dateFromEpochSeconds(wire.cancelled_time) };
}

export function toCreateReturnRequest(input: CreateReturnInput): CreateReturnRequest {
  return {
    shipment_tracking_code: input.shipmentTrackingCode,
    merchant_return_tracking_code_reference: input.merchantReference,
    return_courier_tracking_code: input.returnCourierTrackingCode,
    warehouse_code: input.warehouseCode,
    note: input.note,
  };
}

export function toReturnShipment(wire: Wire<typeof returnShipmentSchema>): ReturnShipment {
  return {
    returnTrackingCode: wire.return_tracking_code,
    shipmentTrackingCode: wire.shipment_tracking_code,
    merchantReference: wire.merchant_return_tracking_code_reference,
    warehouseCode: wire.warehouse_code,
    partnerTrackingCode: wire.partner_tracking_code ?? null,
    returnCourierTrackingCode: wire.return_courier_tracking_code ?? null,
    status: toReturnStatusInfo(wire.status_info),
    createdAt: dateFromEpochSeconds(wire.created_time),
    cancelledAt: dateFromEpochSeconds(wire.cancelled_time),
  };
}
