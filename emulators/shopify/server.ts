import type { GraphqlObject } from "./graphql-object";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { findControlRoute } from "./control-api";
import type { StandinConfig } from "./standin";
import { InvalidTransitionError, NotFoundError, ShopifyStandin, UnknownShopError } from "./standin";

// The stand-in over HTTP: the Admin GraphQL endpoint and the OAuth token endpoint as Shopify
// serves them, plus the /__control API. Which shop a request is for comes from `X-Standin-Shop`
// (set by test/support/shopify-redirect.mjs) or from a `<shop>.myshopify.com` Host header.

export interface StandinServerOptions extends StandinConfig {
  port?: number;
  host?: string;
}

/** The stand-in's in-process controls, plus where it listens and how to stop it. */
export type RunningShopifyStandin = ShopifyStandin & {
  url: string;
  port: number;
  close(): Promise<void>;
};

const GRAPHQL_PATH = /^\/admin\/api\/([\w-]+)\/graphql\.json$/;
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

function shopOf(request: IncomingMessage): string | undefined {
  const forwarded = request.headers["x-standin-shop"];
  if (typeof forwarded === "string" && forwarded) return forwarded;
  const host = request.headers.host?.split(":")[0];
  return host?.endsWith(".myshopify.com") ? host : undefined;
}

async function readJson(request: IncomingMessage): Promise<GraphqlObject> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(text);
}

async function handle(standin: ShopifyStandin, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://standin.local");
  const method = request.method ?? "GET";

  const control = findControlRoute(method, url.pathname);
  if (control) return send(response, 200, (await control.handle(standin, control.params, method === "GET" ? {} : await readJson(request), url.searchParams)) ?? null);

  const shop = shopOf(request);
  if (method === "POST" && url.pathname === "/admin/oauth/access_token") {
    const body = await readJson(request);
    if (body.client_id !== standin.apiKey || body.client_secret !== standin.apiSecret) return send(response, 401, { error: "invalid_client" });
    if (body.grant_type !== "refresh_token") return send(response, 400, { error: "unsupported_grant_type" });
    const grant = shop ? standin.tokens.refresh(shop, String(body.refresh_token)) : undefined;
    return grant ? send(response, 200, grant) : send(response, 400, { error: "invalid_grant", error_description: "The refresh token is invalid or expired" });
  }

  const graphqlPath = GRAPHQL_PATH.exec(url.pathname);
  if (method === "POST" && graphqlPath) {
    if (!shop || !standin.hasShop(shop)) return send(response, 404, { errors: "Not Found" });
    const token = request.headers["x-shopify-access-token"];
    if (standin.tokens.shopOf(typeof token === "string" ? token : null) !== shop) return send(response, 401, INVALID_TOKEN);
    return send(response, 200, standin.graphql(shop, graphqlPath[1], await readJson(request)).body);
  }
  send(response, 404, { errors: "Not Found" });
}

function statusOf(error: unknown): number {
  if (error instanceof UnknownShopError || error instanceof NotFoundError) return 404;
  if (error instanceof InvalidTransitionError || error instanceof SyntaxError) return 422;
  return 500;
}

/** Starts the stand-in on `port` (0 picks a free one) and resolves once it accepts connections. */
export async function startShopifyStandin(options: StandinServerOptions = {}): Promise<RunningShopifyStandin> {
  const standin = new ShopifyStandin(options);
  const server = createServer((request, response) => {
    handle(standin, request, response).catch((error: unknown) => send(response, statusOf(error), { error: (error as Error).message }));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(standin, {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      standin.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
