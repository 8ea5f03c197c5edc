import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { encryptSecret } from "../../app/security/secret-box.server";

// What a merchant who installed the app and connected Onflow leaves in the database: the offline
// session Shopify's library loads, and the Shop row with the encrypted Onflow token, the chosen
// warehouse and brand, and the fulfillment service registered in Shopify.

export interface InstalledShop {
  shop: string;
  accessToken: string;
  refreshToken: string;
  scope: string;
  expiresInSeconds: number;
  refreshTokenExpiresInSeconds: number;
}

export interface OnflowConnection {
  baseUrl: string;
  token: string;
  warehouseCode: string;
  warehouseName: string;
  brandId: number;
  brandName: string;
  fulfillmentServiceId: string;
  locationId: string;
}

export function openDatabase(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: databaseUrl }) });
}

export async function seedInstalledShop(database: PrismaClient, installed: InstalledShop, onflow: OnflowConnection, encryptionKey: string): Promise<{ onflowWebhookKey: string }> {
  // SQLite can only switch to WAL while one connection is open. The app asks for it at start, but
  // this connection stays open beside the app's, so switch now, before the app exists.
  await database.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  const now = Date.now();
  await database.session.create({
    data: {
      id: `offline_${installed.shop}`,
      shop: installed.shop,
      state: "",
      isOnline: false,
      scope: installed.scope,
      expires: new Date(now + installed.expiresInSeconds * 1000),
      accessToken: installed.accessToken,
      refreshToken: installed.refreshToken,
      refreshTokenExpires: new Date(now + installed.refreshTokenExpiresInSeconds * 1000),
    },
  });
  const onflowWebhookKey = randomBytes(24).toString("base64url");
  await database.shop.create({
    data: {
      domain: installed.shop,
      onflowTokenCipher: encryptSecret(onflow.token, encryptionKey),
      onflowTokenLast4: onflow.token.slice(-4),
      onflowEnvironment: "custom",
      onflowCustomBaseUrl: onflow.baseUrl,
      onflowConnectedAt: new Date(now),
      warehouseCode: onflow.warehouseCode,
      warehouseName: onflow.warehouseName,
      brandId: onflow.brandId,
      brandName: onflow.brandName,
      onflowWebhookKey,
      fulfillmentServiceId: onflow.fulfillmentServiceId,
      locationId: onflow.locationId,
    },
  });
  return { onflowWebhookKey };
}
