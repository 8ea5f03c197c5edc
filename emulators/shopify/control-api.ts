import type { GraphqlObject } from "./graphql-object";
import type { ShopifyStandin } from "./standin";

// The stand-in's control API, plain JSON under /__control, for tests and the demo that run the
// stand-in in another process. Each route is a thin call into ShopifyStandin.

type Body = GraphqlObject;
type Handler = (standin: ShopifyStandin, params: Record<string, string>, body: Body, query: URLSearchParams) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handle: Handler;
}

const routes: Route[] = [];

function route(method: string, path: string, handle: Handler): void {
  const keys: string[] = [];
  const pattern = new RegExp(`^/__control${path.replace(/:(\w+)/g, (_, key: string) => (keys.push(key), "([^/]+)"))}$`);
  routes.push({ method, pattern, keys, handle });
}

route("POST", "/shops", (standin, _, body) => standin.addShop(body.shop, { name: body.name, accessToken: body.accessToken }));
route("GET", "/shops/:shop", (standin, { shop }) => standin.state(shop));
route("POST", "/shops/:shop/fulfillment-services", (standin, { shop }, body) => standin.createFulfillmentService(shop, body as { name: string }));
route("POST", "/shops/:shop/products", (standin, { shop }, body) => standin.createProduct(shop, body as never));
route("POST", "/shops/:shop/products/bulk", (standin, { shop }, body) => ({ products: standin.createProducts(shop, body.products) }));
route("GET", "/shops/:shop/products/:id", (standin, { shop, id }) => standin.product(shop, id));
route("PUT", "/shops/:shop/products/:id", (standin, { shop, id }, body) => standin.updateProduct(shop, id, body));
route("DELETE", "/shops/:shop/products/:id", (standin, { shop, id }) => standin.deleteProduct(shop, id));
route("PUT", "/shops/:shop/inventory-levels", (standin, { shop }, body) => standin.setInventory(shop, body as never));
route("GET", "/shops/:shop/inventory-levels", (standin, { shop }, _, query) => standin.inventoryLevel(shop, query.get("inventoryItemId") ?? "", query.get("locationId") ?? ""));
route("POST", "/shops/:shop/orders", (standin, { shop }, body) => standin.createOrder(shop, body as never));
route("GET", "/shops/:shop/orders/:id", (standin, { shop, id }) => standin.order(shop, id));
route("POST", "/shops/:shop/orders/:id/cancel", (standin, { shop, id }) => standin.cancelOrder(shop, id));
route("GET", "/shops/:shop/fulfillment-orders/:id", (standin, { shop, id }) => standin.fulfillmentOrder(shop, id));
route("POST", "/shops/:shop/fulfillment-orders/:id/fulfillment-request", (standin, { shop, id }, body) => standin.submitFulfillmentRequest(shop, id, body));
route("POST", "/shops/:shop/fulfillment-orders/:id/cancellation-request", (standin, { shop, id }, body) => standin.requestCancellation(shop, id, body.message));
route("GET", "/shops/:shop/throttle", (standin, { shop }) => standin.throttleStatus(shop));
route("GET", "/shops/:shop/throttle-refusals", (standin, { shop }) => standin.throttleRefusals(shop));
route("PUT", "/throttle", (standin, _, body) => {
  standin.setThrottle({ maximumAvailable: body.maximumAvailable, restoreRate: body.restoreRate }, body.shop);
  return { ok: true };
});
route("GET", "/mutations", (standin, _, __, query) => standin.mutations({ shop: query.get("shop") ?? undefined, name: query.get("name") ?? undefined }));
route("GET", "/webhooks", (standin) => standin.webhooks.deliveries);
route("POST", "/webhooks", (standin, _, body) => standin.sendWebhook(body.shop, body.topic, body.payload, body));
route("POST", "/webhooks/:webhookId/redeliver", (standin, { webhookId }, body) => standin.redeliverWebhook(webhookId, body));
route("POST", "/settled", async (standin) => {
  await standin.settled();
  return { ok: true };
});
route("POST", "/reset", (standin) => {
  standin.reset();
  return { ok: true };
});

export function findControlRoute(method: string, pathname: string): { handle: Handler; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    const match = candidate.method === method ? candidate.pattern.exec(pathname) : null;
    if (match) return { handle: candidate.handle, params: Object.fromEntries(candidate.keys.map((key, index) => [key, decodeURIComponent(match[index + 1])])) };
  }
  return undefined;
}
