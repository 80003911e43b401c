/** Access tokens the simulated A&A service has issued: JWT-shaped (clients may read `exp`), checked by lookup, never logged. */
import { base64urlJson, Ids } from './ids';
import { AxpSimClient } from './options';

export interface TokenRecord {
  accountId: string;
  client: AxpSimClient;
  /** Epoch ms. */
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly ids: Ids, private readonly now: () => number, private readonly lifetimeS: number) {}

  issue(accountId: string, client: AxpSimClient, issuer: string): string {
    const issuedAt = this.now();
    const record: TokenRecord = { accountId, client, expiresAt: issuedAt + this.lifetimeS * 1000 };
    const claims = {
      exp: Math.floor(record.expiresAt / 1000), iat: Math.floor(issuedAt / 1000), jti: this.ids.uuid(), iss: issuer,
      azp: client.clientId, typ: 'Bearer', account: accountId,
    };
    const token = `${base64urlJson({ alg: 'RS256', typ: 'JWT' })}.${base64urlJson(claims)}.${this.ids.base64url(86)}`;
    this.tokens.set(token, record);
    return token;
  }

  /** The token's record while it is known and unexpired. */
  valid(token: string): TokenRecord | undefined {
    const record = this.tokens.get(token);
    return record && this.now() < record.expiresAt ? record : undefined;
  }

  expireAll(): void {
    const past = this.now() - 1;
    for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, past);
  }

  clear(): void {
    this.tokens.clear();
  }
}
