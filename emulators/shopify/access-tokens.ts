import { randomBytes } from "node:crypto";

// Expiring offline tokens as Shopify issues them since 2026: an access token that lasts an hour
// and a refresh token that lasts 90 days. A refresh gives a new pair; the old access token keeps
// working until it expires, so a refresh racing a request does not break it.

export interface TokenGrant {
  access_token: string;
  scope: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
}

interface Issued {
  shop: string;
  expiresAt: number;
  /** The refresh token this one replaced; it stays usable until this one is used. */
  replaced?: string;
}

const REFRESH_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;

export class AccessTokens {
  private readonly accessTokens = new Map<string, Issued>();
  private readonly refreshTokens = new Map<string, Issued>();

  constructor(
    private readonly scope: string,
    private readonly accessTokenLifetimeSeconds: number,
  ) {}

  issue(shop: string, accessToken = `shpat_${randomBytes(16).toString("hex")}`, replaced?: string): TokenGrant {
    const refreshToken = `shprt_${randomBytes(16).toString("hex")}`;
    this.accessTokens.set(accessToken, { shop, expiresAt: Date.now() + this.accessTokenLifetimeSeconds * 1000 });
    this.refreshTokens.set(refreshToken, { shop, expiresAt: Date.now() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000, replaced });
    return {
      access_token: accessToken,
      scope: this.scope,
      expires_in: this.accessTokenLifetimeSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_LIFETIME_SECONDS,
    };
  }

  /** The shop a live access token belongs to. */
  shopOf(accessToken: string | null): string | undefined {
    const issued = accessToken ? this.accessTokens.get(accessToken) : undefined;
    return issued && issued.expiresAt > Date.now() ? issued.shop : undefined;
  }

  /** A new pair for a live refresh token of this shop. Using a token retires the one it replaced. */
  refresh(shop: string, refreshToken: string): TokenGrant | undefined {
    const issued = this.refreshTokens.get(refreshToken);
    if (!issued || issued.shop !== shop || issued.expiresAt <= Date.now()) return undefined;
    if (issued.replaced) this.refreshTokens.delete(issued.replaced);
    return this.issue(shop, undefined, refreshToken);
  }

  clear(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }
}
