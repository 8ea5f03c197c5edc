import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningShopifyStandin } from "../../emulators/shopify";
import { startShopifyStandin } from "../../emulators/shopify";
import { adminGraphqlClient } from "../support/admin-graphql-client";

const SHOP = "busy.myshopify.com";
// 2 for the connection + 10 × 1 per product node.
const TEN_PRODUCTS = `{ products(first: 10) { nodes { id title } } }`;

let standin: RunningShopifyStandin;
let graphql: ReturnType<typeof adminGraphqlClient>;
let now: number;

beforeEach(async () => {
  now = 0;
  standin = await startShopifyStandin({ throttle: { maximumAvailable: 50, restoreRate: 10 }, clock: () => now });
  graphql = adminGraphqlClient(standin.url, SHOP, standin.addShop(SHOP).access_token);
  standin.createProducts(SHOP, Array.from({ length: 3 }, (_, index) => ({ title: `Product ${index}` })));
});

afterEach(() => standin.close());

describe("cost-based throttle", () => {
  it("charges the requested cost up front and refunds what the response did not use", async () => {
    const response = await graphql(TEN_PRODUCTS);

    expect(response.extensions?.cost).toEqual({
      requestedQueryCost: 12,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 50, currentlyAvailable: 45, restoreRate: 10 },
    });
  });

  it("answers THROTTLED with the bucket's status once a burst empties it, and serves again after it refills", async () => {
    standin.createProducts(SHOP, Array.from({ length: 7 }, (_, index) => ({ title: `More ${index}` })));
    const burst = [];
    for (let attempt = 0; attempt < 5; attempt++) burst.push(await graphql(TEN_PRODUCTS));

    expect(burst.slice(0, 4).every((response) => response.data?.products.nodes.length === 10)).toBe(true);
    const throttled = burst[4];
    expect(throttled.data).toBeUndefined();
    expect(throttled.errors).toEqual([{ message: "Throttled", extensions: expect.objectContaining({ code: "THROTTLED" }) }]);
    expect(throttled.extensions?.cost).toEqual({
      requestedQueryCost: 12,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 50, currentlyAvailable: 2, restoreRate: 10 },
    });

    expect(standin.throttleRefusals(SHOP)).toEqual({ count: 1 });

    now += 1000;
    const afterRefill = await graphql(TEN_PRODUCTS);
    expect(afterRefill.data?.products.nodes).toHaveLength(10);
    expect(afterRefill.extensions?.cost.throttleStatus.currentlyAvailable).toBe(0);
    expect(standin.throttleRefusals(SHOP)).toEqual({ count: 1 });
  });

  it("never fills past the maximum", async () => {
    await graphql(TEN_PRODUCTS);
    now += 60_000;

    expect(standin.throttleStatus(SHOP).currentlyAvailable).toBe(50);
  });

  it("charges a mutation 10 points", async () => {
    const response = await graphql(`mutation { fulfillmentServiceCreate(name: "Onflow") { userErrors { message } } }`);

    expect(response.extensions?.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  });

  it("refuses a single query over 1000 points before running it", async () => {
    const response = await graphql(`{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }`);

    expect(response.errors?.[0].extensions?.code).toBe("MAX_COST_EXCEEDED");
    expect(standin.throttleStatus(SHOP).currentlyAvailable).toBe(50);
  });

  it("takes new settings at run time", async () => {
    standin.setThrottle({ maximumAvailable: 2000, restoreRate: 100 });
    now += 60_000;

    expect(standin.throttleStatus(SHOP)).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
  });
});
