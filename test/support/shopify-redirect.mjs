// Preload (node --import) for tests and the demo only: sends the app's calls to Shopify
// (https://<shop>.myshopify.com/...) to the local Shopify stand-in instead, keeping path and query
// and naming the shop in `X-Standin-Shop`. It must be a preload because @shopify/shopify-api's
// node adapter captures globalThis.fetch when it is imported.
//
// Safety, because this rewrites where an access token is sent:
// - it refuses to load without SHOPIFY_STANDIN_URL, so it never silently does nothing;
// - the stand-in must be on a loopback address, so a token can never leave the machine;
// - under NODE_ENV=production it loads only when ONFLOW_DEMO=1 or ONFLOW_E2E=1 says so on purpose.

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

function standinBaseUrl(env) {
  if (env.NODE_ENV === "production" && env.ONFLOW_DEMO !== "1" && env.ONFLOW_E2E !== "1") {
    throw new Error("shopify-redirect.mjs refuses to load with NODE_ENV=production: set ONFLOW_DEMO=1 or ONFLOW_E2E=1 if this really is a demo or a test run");
  }
  if (!env.SHOPIFY_STANDIN_URL) throw new Error("shopify-redirect.mjs needs SHOPIFY_STANDIN_URL (the Shopify stand-in's URL)");
  const url = new URL(env.SHOPIFY_STANDIN_URL);
  if (!LOOPBACK_HOSTS.has(url.hostname)) throw new Error(`shopify-redirect.mjs only redirects to a loopback address, not ${url.hostname}`);
  return url;
}

const standin = standinBaseUrl(process.env);
const shopifyFetch = globalThis.fetch;

globalThis.fetch = async function fetchThroughStandin(input, init) {
  const request = new Request(input, init);
  const target = new URL(request.url);
  if (target.protocol !== "https:" || !SHOP_HOST.test(target.hostname)) return shopifyFetch(input, init);
  const headers = new Headers(request.headers);
  headers.set("X-Standin-Shop", target.hostname.toLowerCase());
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return shopifyFetch(new URL(`${target.pathname}${target.search}`, standin), { method: request.method, headers, body, signal: request.signal, redirect: request.redirect });
};
