/**
 * The tokens the simulated orca-breeze-authentication issues: RS256 JWTs shaped like the document's example (§3.3),
 * signed with a key pair made once per process, and checked by lookup so expireTokens() can end them early.
 */
import { createSign, generateKeyPairSync, JsonWebKey, KeyObject, randomUUID } from 'node:crypto';

export interface TokenRecord {
  username: string;
  supervisor: boolean;
  /** Epoch ms. */
  expiresAt: number;
}

let keyPair: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** Key generation costs tens of milliseconds, so every simulator in the process shares one pair. */
function keys(): { privateKey: KeyObject; publicKey: KeyObject } {
  keyPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  return keyPair;
}

const base64urlJson = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A 22-character opaque id, the shape of the example's `aud`. */
function opaqueId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url').slice(0, 22);
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly issuer = randomUUID();
  private readonly audience = opaqueId();

  constructor(private readonly now: () => number, private readonly lifetimeS: number) {}

  issue(username: string, supervisor: boolean): string {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + Math.round(this.lifetimeS);
    const role = supervisor ? 'SUPERVISOR' : 'AGENT';
    const userData = { applicationPrivileges: [{ application: { name: 'Avaya Analytics' }, role: { name: role } }, { application: { name: 'Oceana' }, role: { name: role } }] };
    const claims = {
      aud: this.audience, sub: username, iss: this.issuer, exp, iat, jti: randomUUID(),
      userScopeList: [
        { featureName: 'ccUserRole', featureValues: [role] },
        // ccUserData holds a JSON string, not a nested object, as in the example.
        { featureName: 'ccUserData', featureValues: [JSON.stringify(userData)] },
        { featureName: 'mappedLdapAttribute', featureValues: ['mail'] },
      ],
    };
    const signingInput = `${base64urlJson({ alg: 'RS256' })}.${base64urlJson(claims)}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(keys().privateKey).toString('base64url');
    const token = `${signingInput}.${signature}`;
    this.tokens.set(token, { username, supervisor, expiresAt: this.now() + this.lifetimeS * 1000 });
    return token;
  }

  /** The record of a token this simulator issued and that has not expired; a leading "Bearer " is tolerated. */
  check(token: string | undefined): TokenRecord | undefined {
    if (token === undefined) return undefined;
    const record = this.tokens.get(token.replace(/^Bearer\s+/i, '').trim());
    return record && this.now() < record.expiresAt ? record : undefined;
  }

  expireAll(): void {
    const past = this.now() - 1;
    for (const record of this.tokens.values()) record.expiresAt = Math.min(record.expiresAt, past);
  }

  publicKeyPem(): string {
    return keys().publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  publicJwk(): JsonWebKey {
    return { ...keys().publicKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' };
  }
}
