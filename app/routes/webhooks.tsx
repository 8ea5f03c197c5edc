import type { ActionFunctionArgs } from "@remix-run/node";
import { recordShopifyWebhook } from "~/jobs/inbox.server";
import { authenticate } from "~/shopify.server";

// Every Shopify topic, compliance ones included, arrives here (see shopify.app.toml). The library
// throws a 401 Response on a bad HMAC before anything is stored.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, topic, webhookId, eventId, triggeredAt, payload } = await authenticate.webhook(request);
  await recordShopifyWebhook({ shop, topic, webhookId, eventId, triggeredAt, payload });
  return new Response(null, { status: 200 });
};
