import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { appBridgeStub } from "../../test/browser/app-bridge-stub";
import type { Harness } from "../../test/support/harness";

// Outside Shopify's admin there is no App Bridge (its script lives on Shopify's CDN) and no one to
// mint session tokens. This demo-only proxy stands in for both, so the embedded pages can be opened
// in a plain browser; the app itself runs unchanged behind it.

const APP_BRIDGE_URL = "https://cdn.shopify.com/shopifycloud/app-bridge.js";
const STUB_PATH = "/__demo/app-bridge.js";

function sessionToken(harness: Harness, apiKey: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: "HS256", typ: "JWT" });
  const payload = encode({
    iss: `https://${harness.shop}/admin`,
    dest: `https://${harness.shop}`,
    aud: apiKey,
    sub: "1",
    exp: now + 12 * 3600,
    nbf: now - 5,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  });
  const signature = createHmac("sha256", harness.apiSecret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export async function startPreview(harness: Harness, apiKey = "e2e-api-key"): Promise<{ url: string; stop: () => Promise<void> }> {
  const token = sessionToken(harness, apiKey);
  const server = createServer(async (request, response) => {
    if (request.url === STUB_PATH) {
      response.writeHead(200, { "Content-Type": "text/javascript" }).end(appBridgeStub(token));
      return;
    }
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(await readBody(request));
    const upstream = await fetch(new URL(request.url ?? "/", harness.app.url), {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "host")),
      body,
      redirect: "manual",
    });
    const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !["content-encoding", "content-length", "content-security-policy"].includes(name)));
    const isHtml = upstream.headers.get("content-type")?.includes("text/html");
    const payload = isHtml ? (await upstream.text()).replaceAll(APP_BRIDGE_URL, STUB_PATH) : Buffer.from(await upstream.arrayBuffer());
    response.writeHead(upstream.status, headers).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = Buffer.from(`admin.shopify.com/store/${harness.shop.replace(".myshopify.com", "")}`).toString("base64url");
  return {
    url: `http://127.0.0.1:${port}/app?embedded=1&shop=${harness.shop}&host=${host}&id_token=${token}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: import("node:http").IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
