import { GraphqlQueryError } from "@shopify/shopify-api";
import { unauthenticated } from "~/shopify.server";

/** Admin GraphQL access for background work, with Shopify's cost-based throttle handled here. */
export interface ShopifyAdmin {
  shop: string;
  graphql<Data>(query: string, variables?: Record<string, unknown>): Promise<Data>;
}

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface CostExtensions {
  cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
}

export class ShopifyGraphqlError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = "ShopifyGraphqlError";
  }
}

/** A mutation answered with userErrors: Shopify refused the change and said why. */
export class ShopifyUserError extends Error {
  constructor(
    readonly mutation: string,
    readonly userErrors: { field?: string[] | null; message: string; code?: string | null }[],
  ) {
    super(`${mutation} refused: ${userErrors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message)).join("; ")}`);
    this.name = "ShopifyUserError";
  }
}

const MAX_THROTTLE_WAITS = 8;

export const throttleEvents = { count: 0 };

/** How long until the bucket holds enough points for the query that was throttled. */
export function throttleWaitMs(extensions: CostExtensions | undefined): number {
  const status = extensions?.cost?.throttleStatus;
  const needed = extensions?.cost?.requestedQueryCost ?? 50;
  if (!status || status.restoreRate <= 0) return 1000;
  const missing = Math.max(0, needed - status.currentlyAvailable);
  return Math.ceil((missing / status.restoreRate) * 1000) + 50;
}

export async function shopifyAdmin(shop: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<ShopifyAdmin> {
  const { admin } = await unauthenticated.admin(shop);
  return {
    shop,
    async graphql<Data>(query: string, variables?: Record<string, unknown>): Promise<Data> {
      for (let wait = 0; ; wait++) {
        try {
          const response = await admin.graphql(query, { variables });
          const body = (await response.json()) as { data: Data };
          return body.data;
        } catch (error) {
          if (!(error instanceof GraphqlQueryError)) throw error;
          const body = error.body as { errors?: { graphQLErrors?: { message: string; extensions?: { code?: string } }[] }; extensions?: CostExtensions };
          const graphQLErrors = body?.errors?.graphQLErrors ?? [];
          const codes = graphQLErrors.map((e) => e.extensions?.code ?? "").filter(Boolean);
          if (codes.includes("THROTTLED") && wait < MAX_THROTTLE_WAITS) {
            throttleEvents.count++;
            await sleep(throttleWaitMs(body.extensions));
            continue;
          }
          throw new ShopifyGraphqlError(graphQLErrors.map((e) => e.message).join("; ") || error.message, codes);
        }
      }
    },
  };
}

/** Throws ShopifyUserError when a mutation payload carries userErrors. */
export function assertNoUserErrors(mutation: string, payload: { userErrors?: { field?: string[] | null; message: string; code?: string | null }[] } | null | undefined) {
  if (payload?.userErrors && payload.userErrors.length > 0) throw new ShopifyUserError(mutation, payload.userErrors);
}
