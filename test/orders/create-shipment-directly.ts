import prisma from "~/db.server";
import { createOnflowClient } from "~/onflow/client.server";
import { WAREHOUSE, type OrdersWorld } from "./orders-fixture";

/** Creates the Onflow shipment the app would have, as if the app died before recording it. */
export async function createShipment(world: OrdersWorld, merchantReference: string, variantId: string) {
  const link = await prisma.productLink.findFirstOrThrow({ where: { shop: world.shop, variantId } });
  const client = createOnflowClient({ baseUrl: world.onflow.url, token: world.token });
  return client.createShipment({
    warehouseCode: WAREHOUSE,
    platform: "retail",
    merchantReference,
    items: [{ oasin: link.oasin!, quantity: 1 }],
    receiver: { name: "Nguyễn Thị Hồng", phone: "0901234567", address: "12 Lê Lợi", ward: "Phường Bến Nghé", district: "Quận 1", province: "TP Hồ Chí Minh" },
  });
}
