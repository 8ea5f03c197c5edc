// The Shopify Admin stand-in's public surface.
export { startShopifyStandin } from "./server";
export type { RunningShopifyStandin, StandinServerOptions } from "./server";
export { ShopifyStandin, STANDARD_THROTTLE } from "./standin";
export type { ControlOrderInput, ControlProductInput, MutationLogEntry, ResourceId } from "./standin";
export type { WebhookDelivery } from "./webhook-sender";
export { WEBHOOK_API_VERSION } from "./webhook-sender";
