import { createOnflowClient } from "~/onflow/client.server";
import type { Brand, Warehouse } from "~/onflow/gateway";
import { onflowBaseUrlFor } from "~/sync/onflow-for-shop.server";
import { type ConnectionProblem, describeOnflowFailure } from "./describe-onflow-failure";

export interface ConnectionTarget {
  token: string;
  environment: string;
  customBaseUrl: string | null;
}

export type ConnectionCheck =
  | { ok: true; baseUrl: string; warehouses: Warehouse[]; brands: Brand[] }
  | { ok: false; problem: ConnectionProblem };

// A merchant is waiting on the page: fail fast rather than sit through the background retry budget.
const INTERACTIVE_TIMEOUT_MS = 10_000;
const INTERACTIVE_RETRIES = 1;

/** Calls Get Warehouse (the connection test) and Get Brand, the two lists the merchant picks from. */
export async function checkOnflowConnection(target: ConnectionTarget): Promise<ConnectionCheck> {
  let baseUrl: string;
  try {
    baseUrl = onflowBaseUrlFor(target.environment, target.customBaseUrl);
  } catch {
    return {
      ok: false,
      problem: {
        kind: "not_configured",
        message: "The Onflow production address is not configured on this server yet. Choose staging or enter a custom base URL.",
      },
    };
  }
  const onflow = createOnflowClient({ baseUrl, token: target.token, timeoutMs: INTERACTIVE_TIMEOUT_MS, maxRetries: INTERACTIVE_RETRIES });
  try {
    const warehouses = await onflow.listWarehouses();
    const brands = await onflow.listBrands();
    return { ok: true, baseUrl, warehouses, brands };
  } catch (error) {
    return { ok: false, problem: describeOnflowFailure(error, baseUrl, target.token) };
  }
}
