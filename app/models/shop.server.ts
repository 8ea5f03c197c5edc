import { randomBytes } from "node:crypto";
import prisma from "~/db.server";

export function newWebhookKey(): string {
  return randomBytes(24).toString("base64url");
}

/** Called on every successful auth: creates the shop row, or revives it after a reinstall. */
export async function recordInstall(domain: string) {
  return prisma.shop.upsert({
    where: { domain },
    create: { domain, onflowWebhookKey: newWebhookKey() },
    update: { uninstalledAt: null },
  });
}

export async function findShop(domain: string) {
  return prisma.shop.findUnique({ where: { domain } });
}

export async function findShopByWebhookKey(key: string) {
  return prisma.shop.findUnique({ where: { onflowWebhookKey: key } });
}

export async function isInstalled(domain: string): Promise<boolean> {
  const shop = await prisma.shop.findUnique({ where: { domain }, select: { uninstalledAt: true } });
  return shop !== null && shop.uninstalledAt === null;
}

/** Safe to call twice: the second call finds nothing left to change. */
export async function markUninstalled(domain: string, at: Date) {
  await prisma.$transaction([
    prisma.session.deleteMany({ where: { shop: domain } }),
    prisma.shop.updateMany({ where: { domain, uninstalledAt: null }, data: { uninstalledAt: at } }),
  ]);
}

export async function connectedShops() {
  return prisma.shop.findMany({
    where: { uninstalledAt: null, onflowConnectedAt: { not: null } },
  });
}
