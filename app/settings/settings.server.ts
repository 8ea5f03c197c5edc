import { env } from "~/env.server";
import { CATALOGUE_BACKFILL_TOPIC } from "~/sync/catalogue/backfill.server";
import { log } from "~/logger.server";
import { enqueueJob } from "~/models/job.server";
import {
  readShopSettings,
  recordFulfillmentService,
  rotateOnflowWebhookKey,
  type StoredShopSettings,
  writeShopSettings,
} from "~/models/shop-settings.server";
import type { Brand, Warehouse } from "~/onflow/gateway";
import { decryptSecret, encryptSecret } from "~/security/secret-box.server";
import { shopifyAdmin } from "~/shopify/admin.server";
import { createFulfillmentService } from "~/shopify/fulfillment-service.server";
import { checkOnflowConnection, type ConnectionTarget } from "./onflow-connection.server";
import type { ConnectionInput, FieldErrors, SettingsInput } from "./settings-schema";

export class ShopNotFoundError extends Error {
  constructor(shop: string) {
    super(`No shop row for ${shop}`);
    this.name = "ShopNotFoundError";
  }
}

export function onflowWebhookUrl(webhookKey: string): string {
  return new URL(`/onflow/webhooks/${webhookKey}`, env().SHOPIFY_APP_URL).href;
}

/**
 * Onflow publishes no production host: until the operator sets one, a merchant who has not saved a
 * token yet starts on staging instead of an environment that cannot answer.
 */
function startingEnvironment(shop: StoredShopSettings, productionAvailable: boolean): string {
  return shop.onflowEnvironment === "production" && !productionAvailable && !shop.onflowTokenCipher ? "staging" : shop.onflowEnvironment;
}

/** What the page may see: the token itself never leaves the server, only its last four characters. */
function toSettingsView(shop: StoredShopSettings) {
  const productionAvailable = env().ONFLOW_PRODUCTION_BASE_URL !== undefined;
  return {
    productionAvailable,
    values: {
      environment: startingEnvironment(shop, productionAvailable),
      customBaseUrl: shop.onflowCustomBaseUrl ?? "",
      warehouseCode: shop.warehouseCode ?? "",
      brandId: shop.brandId === null ? "" : String(shop.brandId),
      autoSendOrders: shop.autoSendOrders,
      platform: shop.onflowPlatform,
      notifyCustomer: shop.notifyCustomer,
      stockIntervalMinutes: String(shop.stockIntervalMinutes),
    },
    tokenLast4: shop.onflowTokenLast4,
    connected: shop.onflowConnectedAt !== null,
    connectedAt: shop.onflowConnectedAt?.toISOString() ?? null,
    warehouseName: shop.warehouseName,
    brandName: shop.brandName,
    fulfillmentLocationRegistered: shop.locationId !== null,
    webhookUrl: onflowWebhookUrl(shop.onflowWebhookKey),
  };
}

export type SettingsView = ReturnType<typeof toSettingsView>;

async function requireShop(shop: string) {
  const stored = await readShopSettings(shop);
  if (!stored) throw new ShopNotFoundError(shop);
  return stored;
}

function savedTarget(stored: StoredShopSettings): ConnectionTarget | null {
  if (!stored.onflowTokenCipher) return null;
  return {
    token: decryptSecret(stored.onflowTokenCipher, env().ENCRYPTION_KEY),
    environment: stored.onflowEnvironment,
    customBaseUrl: stored.onflowCustomBaseUrl,
  };
}

export interface OnflowChoices {
  warehouses: Warehouse[];
  brands: Brand[];
  /** Why the lists could not be fetched, in words for the merchant. */
  problem: string | null;
}

/** The settings page: saved values plus Onflow's current lists when a connection is saved. */
export async function loadSettingsPage(shop: string): Promise<SettingsView & { choices: OnflowChoices }> {
  const stored = await requireShop(shop);
  const target = savedTarget(stored);
  let choices: OnflowChoices = { warehouses: [], brands: [], problem: null };
  if (target) {
    const check = await checkOnflowConnection(target);
    choices = check.ok ? { warehouses: check.warehouses, brands: check.brands, problem: null } : { warehouses: [], brands: [], problem: check.problem.message };
  }
  return { ...toSettingsView(stored), choices };
}

/** The token typed on the form wins; otherwise the saved one is used with the form's environment. */
function targetFor(stored: StoredShopSettings, input: ConnectionInput): ConnectionTarget | null {
  const token = input.token ?? savedTarget(stored)?.token;
  if (!token) return null;
  return { token, environment: input.environment, customBaseUrl: input.environment === "custom" ? (input.customBaseUrl ?? null) : null };
}

export type ConnectionTestResult =
  | { ok: true; message: string; warehouses: Warehouse[]; brands: Brand[] }
  | { ok: false; message: string; field: "token" | "customBaseUrl" | null };

const MISSING_TOKEN = "Paste your Onflow access token (Onflow OMS → Settings → Developer Tools).";

export async function testOnflowConnection(shop: string, input: ConnectionInput): Promise<ConnectionTestResult> {
  const target = targetFor(await requireShop(shop), input);
  if (!target) return { ok: false, message: MISSING_TOKEN, field: "token" };
  const check = await checkOnflowConnection(target);
  if (!check.ok) {
    const field = check.problem.kind === "bad_token" ? "token" : check.problem.kind === "unreachable" && input.environment === "custom" ? "customBaseUrl" : null;
    return { ok: false, message: check.problem.message, field };
  }
  const count = check.warehouses.length;
  return {
    ok: true,
    message: `Connected to Onflow: ${count} warehouse${count === 1 ? "" : "s"} and ${check.brands.length} brand${check.brands.length === 1 ? "" : "s"} found.`,
    warehouses: check.warehouses,
    brands: check.brands,
  };
}

export type SaveSettingsResult =
  | { ok: true; notices: string[]; warnings: string[] }
  | { ok: false; fieldErrors: FieldErrors; formError: string | null };

export async function saveSettings(shop: string, input: SettingsInput): Promise<SaveSettingsResult> {
  const stored = await requireShop(shop);
  const target = targetFor(stored, input);
  if (!target) return { ok: false, fieldErrors: { token: MISSING_TOKEN }, formError: null };

  const check = await checkOnflowConnection(target);
  if (!check.ok) {
    if (check.problem.kind === "bad_token") return { ok: false, fieldErrors: { token: check.problem.message }, formError: null };
    return { ok: false, fieldErrors: {}, formError: check.problem.message };
  }

  const warehouse = input.warehouseCode ? check.warehouses.find((candidate) => candidate.code === input.warehouseCode) : undefined;
  const brand = input.brandId ? check.brands.find((candidate) => candidate.id === input.brandId) : undefined;
  const fieldErrors: FieldErrors = {};
  if (input.warehouseCode && !warehouse) fieldErrors.warehouseCode = "This warehouse is not in your Onflow account's list any more. Choose another.";
  if (input.brandId && !brand) fieldErrors.brandId = "This brand is not in your Onflow account's list any more. Choose another.";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formError: null };

  await writeShopSettings(shop, {
    token: input.token ? { cipher: encryptSecret(input.token, env().ENCRYPTION_KEY), last4: input.token.slice(-4) } : undefined,
    environment: input.environment,
    customBaseUrl: input.environment === "custom" ? (input.customBaseUrl ?? null) : null,
    warehouse: warehouse ? { code: warehouse.code, name: warehouse.name } : null,
    brand: brand ? { id: brand.id, name: brand.name } : null,
    autoSendOrders: input.autoSendOrders,
    platform: input.platform,
    notifyCustomer: input.notifyCustomer,
    stockIntervalMinutes: input.stockIntervalMinutes,
    connectedAt: stored.onflowConnectedAt ?? new Date(),
  });

  const notices = ["Settings saved."];
  const warnings: string[] = [];
  if (!warehouse) return { ok: true, notices, warnings: ["Choose a warehouse to start sending products and orders to Onflow."] };

  if (!stored.fulfillmentServiceId) {
    const registration = await registerFulfillmentService(shop);
    if (registration) notices.push("Onflow is now a fulfillment location in Shopify.");
    else warnings.push("Shopify did not register the Onflow fulfillment location yet. Save again to retry.");
  }
  const firstBackfill = await enqueueJob({
    shop,
    source: "internal",
    topic: CATALOGUE_BACKFILL_TOPIC,
    deliveryId: `catalogue-backfill:first:${shop}`,
    payload: {},
  });
  if (firstBackfill) notices.push("Your catalogue is being sent to Onflow.");
  return { ok: true, notices, warnings };
}

/** Safe to repeat: a location already stored is kept, and a failure leaves the save intact. */
async function registerFulfillmentService(shop: string): Promise<boolean> {
  try {
    const ids = await createFulfillmentService(await shopifyAdmin(shop));
    await recordFulfillmentService(shop, ids);
    return true;
  } catch (error) {
    log.warn("fulfillment service registration failed", { shop, error });
    return false;
  }
}

export async function rotateWebhookUrl(shop: string): Promise<string> {
  await requireShop(shop);
  return onflowWebhookUrl(await rotateOnflowWebhookKey(shop));
}
