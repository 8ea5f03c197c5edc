import { recordLinkProgress, type ProductLink } from "~/models/product-link.server";
import { isOnflowError, OnflowError } from "~/onflow/errors";
import type { CatalogueContext } from "./catalogue-context.server";

/** Onflow already considers these products gone or inactive: deactivating again changes nothing. */
const ALREADY_GONE = new Set(["NOT_FOUND", "PRODUCTS_BY_OASIN_NOT_FOUND", "PRODUCTS_INACTIVE"]);

/**
 * Retires the link's Onflow product (Deactivate Product) and marks the link deactivated. A refusal
 * Onflow will repeat is recorded as failed with its message; retryable failures are thrown.
 */
export async function deactivateLink(context: CatalogueContext, link: ProductLink): Promise<ProductLink> {
  if (link.oasin && link.state !== "deactivated") {
    try {
      await context.onflow.deactivateProduct(link.oasin);
    } catch (error) {
      if (!(isOnflowError(error) && ALREADY_GONE.has(error.code))) {
        if (error instanceof OnflowError && !error.retryable) {
          return recordLinkProgress(link.id, { state: "failed", reason: `Onflow refused to deactivate ${link.oasin}: ${error.messages}`, countAttempt: true });
        }
        throw error;
      }
    }
  }
  return recordLinkProgress(link.id, { state: "deactivated", reason: null, stockedAt: null });
}
