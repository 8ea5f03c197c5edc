import prisma from "~/db.server";

export async function updateSessionScopes(shop: string, scopes: string[]) {
  await prisma.session.updateMany({ where: { shop }, data: { scope: scopes.join(",") } });
}
