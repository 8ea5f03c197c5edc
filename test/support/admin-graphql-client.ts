import type { GraphqlObject } from "../../emulators/shopify/graphql-object";
// Talks to the Shopify stand-in's Admin GraphQL endpoint the way the app's library does:
// POST /admin/api/2026-07/graphql.json with the shop's access token.

export interface AdminResponse<T = GraphqlObject> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
}

export function adminGraphqlClient(standinUrl: string, shop: string, accessToken: string) {
  return async function graphql<T = GraphqlObject>(query: string, variables?: Record<string, unknown>): Promise<AdminResponse<T>> {
    const response = await fetch(new URL("/admin/api/2026-07/graphql.json", standinUrl), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken, "X-Standin-Shop": shop },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) throw new Error(`Admin API answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as AdminResponse<T>;
  };
}
