import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningShopifyStandin } from "../../emulators/shopify";
import { startShopifyStandin } from "../../emulators/shopify";
import type { AdminResponse } from "../support/admin-graphql-client";
import { adminGraphqlClient } from "../support/admin-graphql-client";

const SHOP = "catalogue.myshopify.com";
const PAGE = `query Page($after: String) {
  products(first: 2, after: $after) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } }
}`;

let standin: RunningShopifyStandin;
let graphql: ReturnType<typeof adminGraphqlClient>;

beforeAll(async () => {
  standin = await startShopifyStandin();
  graphql = adminGraphqlClient(standin.url, SHOP, standin.addShop(SHOP).access_token);
  standin.createProducts(
    SHOP,
    ["Áo dài", "Nón lá", "Cà phê", "Nước mắm", "Bánh pía"].map((title, index) => ({ title, status: index === 4 ? "DRAFT" : "ACTIVE", variants: [{ sku: `SKU-${index}` }] })),
  );
});

afterAll(() => standin.close());

describe("products pagination", () => {
  it("walks every product once with cursors, then says there is no next page", async () => {
    const titles: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: AdminResponse = await graphql(PAGE, { after });
      const { edges, pageInfo }: { edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = response.data!.products;
      titles.push(...edges.map((edge) => edge.node.title));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
      pages++;
    } while (after);

    expect(titles).toEqual(["Áo dài", "Nón lá", "Cà phê", "Nước mắm", "Bánh pía"]);
    expect(pages).toBe(3);
  });

  it("filters with Shopify's search syntax", async () => {
    const bySku = await graphql(`{ products(first: 10, query: "sku:SKU-2") { nodes { title } } }`);
    const active = await graphql(`{ products(first: 10, query: "status:active") { nodes { title } } }`);

    expect(bySku.data?.products.nodes).toEqual([{ title: "Cà phê" }]);
    expect(active.data?.products.nodes).toHaveLength(4);
  });

  it("requires first or last, as Shopify does", async () => {
    const response = await graphql(`{ products { nodes { id } } }`);

    expect(response.errors?.[0].message).toBe("you must provide one of first or last");
  });
});

describe("schema fidelity", () => {
  it("rejects a field Shopify does not have", async () => {
    const response = await graphql(`{ products(first: 1) { nodes { id inventoryQuantity } } }`);

    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].message).toMatch(/Cannot query field "inventoryQuantity" on type "Product"/);
  });

  it("answers an unknown shop 404 and a wrong token 401", async () => {
    const request = (shop: string, token: string) =>
      fetch(new URL("/admin/api/2026-07/graphql.json", standin.url), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token, "X-Standin-Shop": shop },
        body: JSON.stringify({ query: "{ shop { name } }" }),
      });

    expect((await request("nobody.myshopify.com", "x")).status).toBe(404);
    const unauthorised = await request(SHOP, "shpat_wrong");
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toEqual({ errors: expect.stringMatching(/Invalid API key or access token/) });
  });
});
