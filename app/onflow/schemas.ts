/**
 * The Onflow wire format: zod schemas for every body we send and every `data` we read.
 *
 * Responses are loose objects (extra fields pass through) and strict only on fields we use.
 * Money may arrive as a number or a decimal string (README §6); enums stay open strings.
 * Each schema names the doc section it follows and tags what is guessed.
 */
import { z } from "zod";

const epochSeconds = z.number().nullable().optional();
const optionalText = z.string().nullable().optional();

/** README §6: requests send numbers, responses may send `"145000.00"`. */
export const moneySchema = z
  .union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, "not a decimal amount")])
  .transform((amount) => Number(amount));

/** Identifiers documented as integers but cheap to accept as text. */
const numericId = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const anyId = z.union([z.number(), z.string()]).transform(String);

// ---------- envelope: README §4 [doc]; error shape [inferred] ----------

export const envelopeSchema = z.looseObject({
  data: z.unknown().optional(),
  error: z.boolean().optional(),
  error_code: z.string().nullable().optional(),
  log_id: anyId.nullable().optional(),
  messages: z.union([z.string(), z.array(z.string()).transform((lines) => lines.join("; "))]).nullable().optional(),
  total: z.number().nullable().optional(),
  version: z.string().nullable().optional(),
  error_detail: z.unknown().optional(),
});
export type OnflowEnvelope = z.infer<typeof envelopeSchema>;

// ---------- config: config.md, all [inferred] ----------

export const warehouseSchema = z.looseObject({
  warehouse_code: z.string(),
  name: optionalText,
  address: optionalText,
});

export const brandSchema = z.looseObject({ id: numericId, name: z.string() });

/** config.md §3: the front-end library's item shape; Onflow may use any of these id/name keys. */
export const addressUnitSchema = z
  .looseObject({
    id: anyId.optional(),
    value: anyId.optional(),
    province_id: anyId.optional(),
    district_id: anyId.optional(),
    ward_id: anyId.optional(),
    label: z.string().optional(),
    name: z.string().optional(),
    province_name: z.string().optional(),
    district_name: z.string().optional(),
    ward_name: z.string().optional(),
  })
  .refine((unit) => (unit.id ?? unit.value ?? unit.ward_id ?? unit.district_id ?? unit.province_id) !== undefined, "no id field")
  .refine((unit) => (unit.name ?? unit.label ?? unit.ward_name ?? unit.district_name ?? unit.province_name) !== undefined, "no name field");

/** config.md §4 [inferred]: the front-end receives `file`; `url` is the other obvious name. */
export const uploadedFileSchema = z
  .looseObject({
    file: z.string().optional(),
    url: z.string().optional(),
    filename: optionalText,
    mime_type: optionalText,
    size: z.number().nullable().optional(),
  })
  .refine((upload) => (upload.file ?? upload.url) !== undefined, "no file URL");

// ---------- product: product.md ----------

/** product.md §1 [doc names; required-ness inferred]. */
export const createProductRequestSchema = z.object({
  sku: z.string().min(1),
  name: z.string().min(1),
  brand_id: z.number().int().optional(),
  product_type: z.string().optional(),
  product_unit: z.string().optional(),
  product_barcodes: z.array(z.string()).optional(),
  weight: z.number().nonnegative().optional(),
  length: z.number().nonnegative().optional(),
  width: z.number().nonnegative().optional(),
  height: z.number().nonnegative().optional(),
  product_size: z.string().optional(),
  product_color: z.string().optional(),
  product_price: z.number().nonnegative().optional(),
  product_image_url_main: z.string().optional(),
  product_image_url_secondary: z.string().optional(),
  product_characteristics: z.array(z.string()).optional(),
  min_stock_warning: z.number().int().optional(),
  storage_method: z.string().optional(),
  inventory_tracking_type: z.string().optional(),
  outbound_strategy: z.string().optional(),
  shelf_life: z.number().int().nullable().optional(),
  min_shelf_life_inbound: z.number().int().optional(),
  min_shelf_life_outbound: z.number().int().optional(),
});
export type CreateProductRequest = z.infer<typeof createProductRequestSchema>;

/** product.md §1: response `data` is [unknown]; we need the OASIN at least. */
export const createProductResponseSchema = z.looseObject({
  oasin: z.string(),
  sku: optionalText,
  status: z.string().optional(),
});

/** product.md §2 [inferred]: body of `PUT /v1/products/{oasin}/assign`. */
export const assignProductRequestSchema = z.object({ warehouse_code: z.string().min(1) });

/** product.md §4 [doc field names]; list rows are assumed to share this shape [inferred]. */
export const productSchema = z.looseObject({
  oasin: z.string(),
  sku: z.string(),
  name: z.string(),
  status: z.string(),
  currency: optionalText,
  price: moneySchema.nullable().optional(),
  brand: z.looseObject({ id: numericId, name: z.string() }).nullable().optional(),
  barcodes: z.array(z.string()).nullable().optional(),
  weight: z.number().nullable().optional(),
  length: z.number().nullable().optional(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  product_image_url_main: optionalText,
  // product.md §4: a single string in detail although create sends an array.
  product_characteristics: z.union([z.string(), z.array(z.string())]).nullable().optional(),
  created_time: epochSeconds,
  updated_time: epochSeconds,
});

/**
 * product.md §5 [inferred]: one row per product, warehouse and stock grade. `quantity` is our guess;
 * `remaining_stock` (the stock webhook's name) is accepted as well.
 */
export const stockLineSchema = z
  .looseObject({
    oasin: z.string(),
    sku: optionalText,
    warehouse_code: z.string(),
    stock_level: z.string(),
    quantity: z.number().optional(),
    remaining_stock: z.number().optional(),
  })
  .refine((line) => (line.quantity ?? line.remaining_stock) !== undefined, "no quantity field");

// ---------- purchase orders: po.md ----------

/** po.md §1 [doc, complete field list]. */
export const createPurchaseOrderRequestSchema = z.object({
  warehouse_code: z.string().min(1),
  vas: z.array(z.string()).optional(),
  merchant_po_reference: z.string().optional(),
  packages: z
    .array(
      z.object({
        package_code: z.string().min(1),
        weight: z.number().nonnegative().optional(),
        length: z.number().nonnegative().optional(),
        width: z.number().nonnegative().optional(),
        height: z.number().nonnegative().optional(),
        items: z.array(z.object({ oasin: z.string().min(1), product_quantity: z.number().int().positive() })).min(1),
        package_note: z.string().optional(),
      }),
    )
    .min(1),
  estimated_arrival_time: z.number().int().optional(),
  po_documents: z
    .array(z.object({ document_type: z.string(), document_url: z.string(), print_quantity: z.number().int().optional() }))
    .optional(),
  note: z.string().optional(),
});
export type CreatePurchaseOrderRequest = z.infer<typeof createPurchaseOrderRequestSchema>;

/** po.md §1: only a `create…` key is visible; `po_code` and `status` are [inferred]. */
export const createPurchaseOrderResponseSchema = z.looseObject({
  po_code: z.string(),
  status: z.string().optional(),
  created_time: epochSeconds,
});

/** po.md §4 [inferred]: the create fields echoed back plus code, status and times. */
export const purchaseOrderSchema = z.looseObject({
  po_code: z.string(),
  status: z.string(),
  warehouse_code: z.string(),
  merchant_po_reference: optionalText,
  estimated_arrival_time: epochSeconds,
  created_time: epochSeconds,
  updated_time: epochSeconds,
  packages: z
    .array(
      z.looseObject({
        package_code: z.string(),
        items: z.array(z.looseObject({ oasin: z.string(), product_quantity: z.number() })),
      }),
    )
    .optional(),
});

/** po.md §3 [doc]. */
export const purchaseOrderBillSchema = z.looseObject({ po_bill_url: z.string() });

/** po.md §5 [doc, partial]. */
export const inspectionLineSchema = z.looseObject({
  package_code: z.string(),
  oasin: z.string(),
  sku: optionalText,
  product_quantity: z.number(),
  inbound_quantity: z.number(),
  putaway_quantity: z.number(),
  is_putaway_completed: z.boolean().optional(),
  stock_level: z.string(),
  batch_lot_code: optionalText,
});

/** po.md §6 [doc]. */
export const cancelPurchaseOrderResponseSchema = z.looseObject({ po_code: z.string().optional(), success: z.boolean() });

// ---------- B2C shipments: shipment-b2c.md ----------

export const statusInfoSchema = z.looseObject({
  value: z.number(),
  label: z.string().nullable().optional(),
  updated_time: epochSeconds,
});

/**
 * shipment-b2c.md §1. The first three fields are [doc]; everything after them is [inferred] —
 * items, receiver, COD and note names are our guesses and live only here.
 */
export const createShipmentRequestSchema = z.object({
  warehouse_code: z.string().min(1),
  platform: z.string().min(1),
  merchant_tracking_code_reference: z.string().min(1),
  partner_tracking_code: z.string().optional(),
  courier_tracking_code: z.string().optional(),
  items: z.array(z.object({ oasin: z.string().min(1), quantity: z.number().int().positive() })).min(1),
  receiver_name: z.string().optional(),
  receiver_phone: z.string().optional(),
  receiver_address: z.string().optional(),
  receiver_ward: z.string().optional(),
  receiver_district: z.string().optional(),
  receiver_province: z.string().optional(),
  cod_amount: z.number().nonnegative().optional(),
  note: z.string().optional(),
});
export type CreateShipmentRequest = z.infer<typeof createShipmentRequestSchema>;

/** shipment-b2c.md §1: response [unknown]; `tracking_code` and `status_info` [inferred]. */
export const createShipmentResponseSchema = z.looseObject({
  tracking_code: z.string(),
  status_info: statusInfoSchema.optional(),
});

/** shipment-b2c.md §3 [doc up to `cancelled_time`]; `courier_name` and later fields [inferred]. */
export const shipmentSchema = z.looseObject({
  status_info: statusInfoSchema,
  created_time: epochSeconds,
  updated_time: epochSeconds,
  warehouse_code: z.string(),
  tracking_code: z.string(),
  merchant_tracking_code_reference: z.string(),
  courier_tracking_code: optionalText,
  courier_name: optionalText,
  platform: optionalText,
  picked_time: epochSeconds,
  packed_time: epochSeconds,
  handover_time: epochSeconds,
  cancelled_time: epochSeconds,
});

/** shipment-b2c.md §4 [doc]; the return cancel (return-b2c.md §4) is assumed identical [inferred]. */
export const cancellationResponseSchema = z.looseObject({
  success: z.boolean(),
  status_info: statusInfoSchema,
  cancelled_time: epochSeconds,
});

// ---------- B2C returns: return-b2c.md ----------

/** return-b2c.md §1 [inferred]. */
export const createReturnRequestSchema = z.object({
  shipment_tracking_code: z.string().min(1),
  merchant_return_tracking_code_reference: z.string().min(1),
  return_courier_tracking_code: z.string().optional(),
  warehouse_code: z.string().optional(),
  note: z.string().optional(),
});
export type CreateReturnRequest = z.infer<typeof createReturnRequestSchema>;

export const createReturnResponseSchema = z.looseObject({
  return_tracking_code: z.string(),
  status_info: statusInfoSchema.optional(),
});

/** return-b2c.md §3 [doc up to `return_courier_tracking_code`]; times [inferred]. */
export const returnShipmentSchema = z.looseObject({
  status_info: statusInfoSchema,
  warehouse_code: z.string(),
  return_tracking_code: z.string(),
  shipment_tracking_code: z.string(),
  merchant_return_tracking_code_reference: z.string(),
  partner_tracking_code: optionalText,
  return_courier_tracking_code: optionalText,
  created_time: epochSeconds,
  cancelled_time: epochSeconds,
});
