import type { Shop } from "@prisma/client";

export const STOCK_SYNC_TOPIC = "INTERNAL_STOCK_SYNC";
export const STOCK_WEBHOOK_TOPIC = "ONFLOW_PRODUCT_UPDATE_STOCK";

/** The scheduled stock run, every `stockIntervalMinutes` (at least one minute). */
export const stockSyncTask = {
  topic: STOCK_SYNC_TOPIC,
  intervalMs: (shop: Shop) => Math.max(1, shop.stockIntervalMinutes) * 60_000,
};
