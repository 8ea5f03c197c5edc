import prisma from "~/db.server";
import { newWebhookKey } from "~/models/shop.server";

/** Everything the settings page and its services read; the token cipher stays on the server. */
export async function readShopSettings(domain: string) {
  return prisma.shop.findUnique({
    where: { domain },
    select: {
      domain: true,
      onflowTokenCipher: true,
      onflowTokenLast4: true,
      onflowEnvironment: true,
      onflowCustomBaseUrl: true,
      onflowConnectedAt: true,
      warehouseCode: true,
      warehouseName: true,
      brandId: true,
      brandName: true,
      autoSendOrders: true,
      onflowPlatform: true,
      notifyCustomer: true,
      stockIntervalMinutes: true,
      onflowWebhookKey: true,
      fulfillmentServiceId: true,
      locationId: true,
    },
  });
}

export type StoredShopSettings = NonNullable<Awaited<ReturnType<typeof readShopSettings>>>;

export interface ShopSettingsUpdate {
  /** Present only when the merchant entered a new token. */
  token?: { cipher: string; last4: string };
  environment: string;
  customBaseUrl: string | null;
  warehouse: { code: string; name: string | null } | null;
  brand: { id: number; name: string } | null;
  autoSendOrders: boolean;
  platform: string;
  notifyCustomer: boolean;
  stockIntervalMinutes: number;
  connectedAt: Date;
}

export async function writeShopSettings(domain: string, update: ShopSettingsUpdate) {
  return prisma.shop.update({
    where: { domain },
    data: {
      ...(update.token ? { onflowTokenCipher: update.token.cipher, onflowTokenLast4: update.token.last4 } : {}),
      onflowEnvironment: update.environment,
      onflowCustomBaseUrl: update.customBaseUrl,
      warehouseCode: update.warehouse?.code ?? null,
      warehouseName: update.warehouse?.name ?? null,
      brandId: update.brand?.id ?? null,
      brandName: update.brand?.name ?? null,
      autoSendOrders: update.autoSendOrders,
      onflowPlatform: update.platform,
      notifyCustomer: update.notifyCustomer,
      stockIntervalMinutes: update.stockIntervalMinutes,
      onflowConnectedAt: update.connectedAt,
    },
    select: { domain: true },
  });
}

/** Conditional: a service registered by an earlier (or concurrent) save is never overwritten. */
export async function recordFulfillmentService(domain: string, ids: { fulfillmentServiceId: string; locationId: string }) {
  const result = await prisma.shop.updateMany({
    where: { domain, fulfillmentServiceId: null },
    data: ids,
  });
  return result.count === 1;
}

export async function rotateOnflowWebhookKey(domain: string) {
  const shop = await prisma.shop.update({
    where: { domain },
    data: { onflowWebhookKey: newWebhookKey() },
    select: { onflowWebhookKey: true },
  });
  return shop.onflowWebhookKey;
}
