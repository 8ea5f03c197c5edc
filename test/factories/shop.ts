import prisma from "~/db.server";
import { newWebhookKey } from "~/models/shop.server";
import { encryptSecret } from "~/security/secret-box.server";

/** An installed shop: the Shop row plus the offline session background work uses. */
export async function installShop(domain: string, accessToken = "shpat_test_token") {
  await prisma.session.upsert({
    where: { id: `offline_${domain}` },
    create: {
      id: `offline_${domain}`,
      shop: domain,
      state: "installed",
      isOnline: false,
      scope: "write_fulfillments,read_products",
      accessToken,
      expires: new Date(Date.now() + 24 * 3600_000),
      refreshToken: "refresh-token",
      refreshTokenExpires: new Date(Date.now() + 90 * 24 * 3600_000),
    },
    update: { accessToken },
  });
  return prisma.shop.upsert({
    where: { domain },
    create: { domain, onflowWebhookKey: newWebhookKey() },
    update: { uninstalledAt: null },
  });
}

export interface OnflowConnection {
  baseUrl: string;
  token: string;
  warehouseCode?: string;
  brandId?: number;
  locationId?: string;
  fulfillmentServiceId?: string;
}

/** A shop that has saved a working Onflow connection on the settings page. */
export async function connectOnflow(domain: string, connection: OnflowConnection) {
  return prisma.shop.update({
    where: { domain },
    data: {
      onflowTokenCipher: encryptSecret(connection.token, process.env.ENCRYPTION_KEY!),
      onflowTokenLast4: connection.token.slice(-4),
      onflowEnvironment: "custom",
      onflowCustomBaseUrl: connection.baseUrl,
      onflowConnectedAt: new Date(),
      warehouseCode: connection.warehouseCode ?? "ONF_WH_HCM_Q7",
      warehouseName: "Kho Hồ Chí Minh",
      brandId: connection.brandId ?? 1,
      brandName: "Demo",
      locationId: connection.locationId ?? null,
      fulfillmentServiceId: connection.fulfillmentServiceId ?? null,
    },
  });
}
