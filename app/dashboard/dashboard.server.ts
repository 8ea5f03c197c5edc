import {
  deadJobsWithPayload,
  handoffCountsByState,
  handoffsNeedingAttention,
  latestCatalogueBackfill,
  latestStockRun,
  productLinkCountsByState,
  productLinksNeedingAttention,
} from "~/models/dashboard.server";
import { retryJob } from "~/models/job.server";
import { readShopSettings } from "~/models/shop-settings.server";
import { retryHandoff } from "~/sync/orders/retry.server";
import { describeJob } from "./job-labels";

export interface ExceptionItem {
  key: string;
  /** What a Retry restarts: a dead job, or a hand-off that needs attention; null when only a fix in Shopify helps. */
  retry: { kind: "job" | "handoff"; id: string } | null;
  title: string;
  reason: string;
  at: string;
}

const SYNCED_PRODUCT_STATES = ["active"];

export async function loadDashboard(shop: string) {
  const [settings, productCounts, shipmentCounts, stockRun, backfill, deadJobs, handoffs, productLinks] = await Promise.all([
    readShopSettings(shop),
    productLinkCountsByState(shop),
    handoffCountsByState(shop),
    latestStockRun(shop),
    latestCatalogueBackfill(shop),
    deadJobsWithPayload(shop),
    handoffsNeedingAttention(shop),
    productLinksNeedingAttention(shop),
  ]);

  const productsSynced = SYNCED_PRODUCT_STATES.reduce((sum, state) => sum + (productCounts[state] ?? 0), 0);
  const connected = Boolean(settings?.onflowConnectedAt);
  const warehouseChosen = Boolean(settings?.warehouseCode);
  const catalogueSynced = productsSynced > 0 || Boolean(backfill?.finishedAt);

  const exceptions: ExceptionItem[] = [
    ...deadJobs.map((job) => ({
      key: `job:${job.id}`,
      retry: { kind: "job" as const, id: job.id },
      title: describeJob(job.topic, job.payload),
      reason: job.lastError ?? "Stopped after repeated failures",
      at: job.updatedAt.toISOString(),
    })),
    ...handoffs.map((handoff) => ({
      key: `handoff:${handoff.id}`,
      retry: handoff.state === "needs_attention" ? { kind: "handoff" as const, id: handoff.id } : null,
      title: `Order ${handoff.orderName} ${handoff.state === "rejected" ? "rejected" : "needs attention"}`,
      reason: handoff.reason ?? handoff.rejectionReason ?? "No reason recorded",
      at: handoff.updatedAt.toISOString(),
    })),
    ...productLinks.map((link) => ({
      key: `product:${link.id}`,
      retry: null,
      title: `${link.title}${link.sku ? ` (SKU ${link.sku})` : ""} ${link.state === "skipped" ? "not synced" : "failed to sync"}`,
      reason: link.reason ?? "No reason recorded",
      at: link.updatedAt.toISOString(),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return {
    connection: {
      connected,
      warehouse: settings?.warehouseCode ? { code: settings.warehouseCode, name: settings.warehouseName } : null,
      brand: settings?.brandId ? { id: settings.brandId, name: settings.brandName } : null,
      locationRegistered: Boolean(settings?.locationId),
    },
    checklist: [
      { key: "connect", label: "Connect your Onflow account", done: connected },
      { key: "warehouse", label: "Choose the Onflow warehouse", done: warehouseChosen },
      { key: "catalogue", label: "Sync your catalogue to Onflow", done: catalogueSynced },
    ],
    products: { synced: productsSynced, failing: productCounts.failed ?? 0, skipped: productCounts.skipped ?? 0 },
    shipments: shipmentCounts,
    stockRun: stockRun && {
      ...stockRun,
      startedAt: stockRun.startedAt.toISOString(),
      finishedAt: stockRun.finishedAt?.toISOString() ?? null,
    },
    backfill: backfill && {
      ...backfill,
      startedAt: backfill.startedAt.toISOString(),
      finishedAt: backfill.finishedAt?.toISOString() ?? null,
    },
    exceptions,
  };
}

export type DashboardView = Awaited<ReturnType<typeof loadDashboard>>;

export async function retryException(shop: string, retry: { kind: "job" | "handoff"; id: string }): Promise<boolean> {
  return retry.kind === "job" ? retryJob(shop, retry.id) : retryHandoff(shop, retry.id);
}
