import type { GraphQLResolveInfo } from "graphql";
import { getDirectiveValues, GraphQLError } from "graphql";

// Shopify's `@idempotent(key:)` directive: the same key with the same arguments returns the first
// result without doing the work again; the same key with other arguments is refused. From
// 2026-04 the inventory mutations fail without a key, although the schema cannot mark that.

export const MUTATIONS_REQUIRING_IDEMPOTENCY = new Set(["inventorySetQuantities", "inventoryActivate"]);

export function idempotencyKeyOf(info: GraphQLResolveInfo): string | undefined {
  const directive = info.schema.getDirective("idempotent");
  if (!directive) return undefined;
  const values = getDirectiveValues(directive, info.fieldNodes[0], info.variableValues);
  return typeof values?.key === "string" ? values.key : undefined;
}

export function missingIdempotencyKey(mutation: string): GraphQLError {
  return new GraphQLError(`The @idempotent directive with a key is required for ${mutation}.`, {
    extensions: { code: "BAD_REQUEST" },
  });
}

interface Remembered {
  fingerprint: string;
  result: unknown;
}

export class IdempotencyLedger {
  private readonly results = new Map<string, Remembered>();

  /** The first result for this key, or `mismatch` when the key was used with other arguments. */
  replay(key: string, fingerprint: string): { result: unknown } | "mismatch" | undefined {
    const remembered = this.results.get(key);
    if (!remembered) return undefined;
    return remembered.fingerprint === fingerprint ? { result: remembered.result } : "mismatch";
  }

  remember(key: string, fingerprint: string, result: unknown): void {
    this.results.set(key, { fingerprint, result });
  }
}
