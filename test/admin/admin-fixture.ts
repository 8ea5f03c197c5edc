import { API_KEY, API_SECRET_KEY, APP_URL, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { startOnflowEmulator, type RunningOnflowEmulator } from "../../emulators/onflow/server";
import { startShopifyStandin, type RunningShopifyStandin } from "../../emulators/shopify/server";
import { installShop } from "../factories/shop";
import { routeShopifyTo } from "../setup/fetch-stub";

export const GOOD_TOKEN = "onflow-good-token-7x3k";

export interface AdminFixture {
  onflow: RunningOnflowEmulator;
  shopify: RunningShopifyStandin;
  close(): Promise<void>;
}

/** Real HTTP on both sides: the Onflow emulator and the Shopify Admin stand-in, in this process. */
export async function startAdminFixture(shops: string[]): Promise<AdminFixture> {
  const onflow = await startOnflowEmulator({ tokens: [GOOD_TOKEN] });
  const shopify = await startShopifyStandin();
  routeShopifyTo(shopify.url);
  for (const shop of shops) {
    const accessToken = `shpat_${shop.split(".")[0]}`;
    shopify.addShop(shop, { accessToken });
    await installShop(shop, accessToken);
  }
  return {
    onflow,
    shopify,
    close: async () => {
      await onflow.close();
      await shopify.close();
    },
  };
}

/** A document load of an embedded page, as Shopify admin opens it (id_token in the URL). */
export function embeddedPageRequest(store: string, path: string) {
  return setUpValidRequest({ type: RequestType.Admin, store, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY }, new Request(new URL(path, APP_URL)));
}

/** A fetch from the embedded page, carrying App Bridge's session token. */
export function sessionTokenRequest(store: string, path: string, form?: Record<string, string>) {
  const request = form
    ? new Request(new URL(path, APP_URL), { method: "POST", body: new URLSearchParams(form) })
    : new Request(new URL(path, APP_URL));
  return setUpValidRequest({ type: RequestType.Bearer, store, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY }, request);
}

export async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (thrown) {
    return thrown;
  }
  throw new Error("expected the call to throw");
}
