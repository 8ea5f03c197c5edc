import type { Shop } from "@prisma/client";
import { env } from "~/env.server";
import { createOnflowClient } from "~/onflow/client.server";
import type { OnflowEnvironment } from "~/onflow/config";
import { resolveOnflowBaseUrl } from "~/onflow/config";
import type { OnflowGateway } from "~/onflow/gateway";
import { decryptSecret } from "~/security/secret-box.server";

export class OnflowNotConnectedError extends Error {
  constructor(shop: string) {
    super(`${shop} has not connected an Onflow account yet`);
    this.name = "OnflowNotConnectedError";
  }
}

export function onflowBaseUrlFor(environment: string, customBaseUrl: string | null): string {
  const configured = environment === "production" ? env().ONFLOW_PRODUCTION_BASE_URL : (customBaseUrl ?? undefined);
  return resolveOnflowBaseUrl(environment as OnflowEnvironment, configured);
}

/** The Onflow gateway for a shop's saved connection; the token is decrypted only here. */
export function onflowForShop(shop: Pick<Shop, "domain" | "onflowTokenCipher" | "onflowEnvironment" | "onflowCustomBaseUrl">): OnflowGateway {
  if (!shop.onflowTokenCipher) throw new OnflowNotConnectedError(shop.domain);
  return createOnflowClient({
    baseUrl: onflowBaseUrlFor(shop.onflowEnvironment, shop.onflowCustomBaseUrl),
    token: decryptSecret(shop.onflowTokenCipher, env().ENCRYPTION_KEY),
  });
}
