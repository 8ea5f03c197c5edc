import { vi } from "vitest";

// The Shopify library captures globalThis.fetch when its node adapter is imported, so the stub must
// be in place before any app module loads. By default it delegates to the real fetch; tests change
// its implementation (for example to route *.myshopify.com to the Shopify stand-in).
const realFetch = globalThis.fetch;
export const fetchStub = vi.fn<typeof fetch>((input, init) => realFetch(input, init));
globalThis.fetch = fetchStub as typeof fetch;

/** Sends requests for https://<shop>.myshopify.com/... to a local Shopify stand-in instead. */
export function routeShopifyTo(standinUrl: string) {
  fetchStub.mockImplementation((input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.hostname.endsWith(".myshopify.com")) return realFetch(request);
    const target = new URL(url.pathname + url.search, standinUrl);
    const headers = new Headers(request.headers);
    headers.set("X-Standin-Shop", url.hostname);
    return realFetch(new Request(target, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit));
  });
}
