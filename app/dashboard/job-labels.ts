import { z } from "zod";

const payloadSubject = z.looseObject({
  name: z.string().optional(),
  title: z.string().optional(),
  sku: z.string().optional(),
});

function subjectOf(payload: string | null): { name?: string; title?: string; sku?: string } {
  if (!payload) return {};
  try {
    const parsed = payloadSubject.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const FIXED_LABELS: Record<string, string> = {
  PRODUCTS_DELETE: "Product removal",
  FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED: "Fulfillment request → Onflow",
  FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED: "Cancellation request → Onflow",
  INTERNAL_CATALOGUE_BACKFILL: "Catalogue sync",
  INTERNAL_STOCK_SYNC: "Stock sync",
  ONFLOW_PRODUCT_UPDATE_STOCK: "Stock update from Onflow",
};

function sentenceCase(words: string): string {
  const lower = words.toLowerCase().replace(/_/g, " ").trim();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Human wording for a job's topic, naming the order or product when the payload carries one. */
export function describeJob(topic: string, payload: string | null = null): string {
  const subject = subjectOf(payload);
  if (topic === "ORDERS_CREATE" || topic === "ORDERS_UPDATED") return subject.name ? `Order ${subject.name} → Onflow` : "Order → Onflow";
  if (topic === "PRODUCTS_CREATE" || topic === "PRODUCTS_UPDATE") return subject.title ? `Product sync: ${subject.title}` : "Product sync";
  const fixed = FIXED_LABELS[topic];
  if (fixed) return fixed;
  if (topic.startsWith("ONFLOW_SHIPMENT")) return "Shipment update from Onflow";
  if (topic.startsWith("ONFLOW_")) return `Onflow event: ${sentenceCase(topic.slice("ONFLOW_".length))}`;
  if (topic.startsWith("INTERNAL_")) return sentenceCase(topic.slice("INTERNAL_".length));
  return sentenceCase(topic);
}
