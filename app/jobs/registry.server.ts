import { handleCustomerDataRequest, handleCustomerRedact, handleShopRedact } from "~/lifecycle/compliance.server";
import { handleScopesUpdate } from "~/lifecycle/scopes-update.server";
import { handleAppUninstalled } from "~/lifecycle/uninstall.server";
import { handleStockSyncJob, handleStockWebhookJob } from "~/sync/stock/stock-jobs.server";
import { STOCK_SYNC_TOPIC, STOCK_WEBHOOK_TOPIC } from "~/sync/stock/topics";
import { CATALOGUE_BACKFILL_TOPIC, handleCatalogueBackfill } from "~/sync/catalogue/backfill.server";
import { handleProductDelete, handleProductUpsert } from "~/sync/catalogue/product-webhooks.server";
import { orderHandlers } from "~/sync/orders/handlers.server";
import { AFTER_UNINSTALL_TOPICS } from "~/lifecycle/after-uninstall";
import { isInstalled } from "~/models/shop.server";
import type { JobHandler } from "./job-context";

/**
 * Every topic the worker knows, in one table. Shopify topics use the library's storage form
 * (ORDERS_CREATE); Onflow ones are prefixed ONFLOW_; internal ones INTERNAL_.
 */
const handlers: Record<string, JobHandler> = {
  APP_UNINSTALLED: handleAppUninstalled,
  APP_SCOPES_UPDATE: handleScopesUpdate,
  CUSTOMERS_DATA_REQUEST: handleCustomerDataRequest,
  CUSTOMERS_REDACT: handleCustomerRedact,
  SHOP_REDACT: handleShopRedact,
  ...orderHandlers,
  PRODUCTS_CREATE: handleProductUpsert,
  PRODUCTS_UPDATE: handleProductUpsert,
  PRODUCTS_DELETE: handleProductDelete,
  [CATALOGUE_BACKFILL_TOPIC]: handleCatalogueBackfill,
  [STOCK_SYNC_TOPIC]: handleStockSyncJob,
  [STOCK_WEBHOOK_TOPIC]: handleStockWebhookJob,
};

export function handlerFor(topic: string): JobHandler | undefined {
  return handlers[topic];
}

/** Compliance and uninstall work still runs after uninstall (shop/redact arrives 48 h later). */
export async function jobMayRun(shop: string, topic: string): Promise<boolean> {
  return AFTER_UNINSTALL_TOPICS.includes(topic) || isInstalled(shop);
}
