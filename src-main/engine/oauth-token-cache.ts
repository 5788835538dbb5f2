import type { OAuthClientSettings } from '../../src-shared/domain/auth-profile.ts';
import { isJsonObject } from '../../src-shared/domain/json-object.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { SealedAuthProfile } from '../storage/auth-profile-repository.ts';
import type { TokenExchange } from '../../src-shared/domain/delivery.ts';
import type { Clock } from './clock.ts';
import { recordedTokenExchange } from './token-exchange.ts';
import type { HttpSender } from './http-sender.ts';
import { SingleFlight } from './single-flight.ts';

/** A token could not be had: the try is recorded with this message (and the exchange, if one was made) and nothing is posted. */
export class OAuthTokenError extends Error {
  readonly exchange: TokenExchange | null;

  constructor(message: string, exchange: TokenExchange | null = null) {
    super(message);
    this.exchange = exchange;
  }
}

interface CachedToken {
  accessToken: string;
  /** Engine time after which the token is no longer sent; null: until an endpoint refuses it. */
  expiresAt: number | null;
  /** The request that got it and the answer, secrets masked: shown with every try that sends it. */
  exchange: TokenExchange;
}

export interface OAuthTokenCacheOptions {
  secrets: SecretBox;
  /** The engine's (scaled) clock: tokens expire in vendor time, like the receiver's own tokens. */
  clock: Clock;
  /** Token requests go out like webhook requests: same timeouts, same connection pool. */
  sender: HttpSender;
}

/** Taken off a token's lifetime so a request never leaves with a token about to lapse on the way. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Tokens belong to a profile as it stands: an edited client, token URL or secret (sealed anew on
 * every change) misses the cache and fetches a token for what is configured now.
 */
function cacheKey(profile: SealedAuthProfile): string {
  return JSON.stringify([profile.id, profile.oauth, profile.sealedSecret?.toString('base64') ?? null]);
}

/**
 * OAuth 2.0 client-credentials tokens (RFC 6749 §4.4), one per auth profile, kept until they
 * expire. Tries that need a token while one is being fetched wait for that fetch, so a burst of
 * deliveries costs one token request.
 */
export class OAuthTokenCache {
  private readonly options: OAuthTokenCacheOptions;
  private readonly tokens = new Map<string, CachedToken>();
  private readonly fetches = new SingleFlight<CachedToken>();

  constructor(options: OAuthTokenCacheOptions) {
    this.options = options;
  }

  /** The exchange that got the profile's current token; null when it has none. */
  exchangeOf(profile: SealedAuthProfile, accessToken: string): TokenExchange | null {
    const cached = this.tokens.get(cacheKey(profile));
    return cached?.accessToken === accessToken ? cached.exchange : null;
  }

  /** A token for the profile: the cached one while it lasts, otherwise a new one. */
  async token(profile: SealedAuthProfile): Promise<string> {
    const cached = this.tokens.get(cacheKey(profile));
    if (cached && (cached.expiresAt === null || cached.expiresAt > this.options.clock.now())) return cached.accessToken;
    return (await this.fetch(profile)).accessToken;
  }

  /**
   * A new token after an endpoint refused `rejected` (401). When another try has already
   * replaced that token, its replacement is used rather than fetching yet another.
   */
  async refresh(profile: SealedAuthProfile, rejected: string): Promise<string> {
    const key = cacheKey(profile);
    const cached = this.tokens.get(key);
    if (cached && cached.accessToken !== rejected) return cached.accessToken;
    this.tokens.delete(key);
    return (await this.fetch(profile)).accessToken;
  }

  private fetch(profile: SealedAuthProfile): Promise<CachedToken> {
    const key = cacheKey(profile);
    return this.fetches.run(key, () =>
      this.requestToken(profile).then((token) => {
        this.tokens.set(key, token);
        return token;
      }),
    );
  }

  private async requestToken(profile: SealedAuthProfile): Promise<CachedToken> {
    const settings = profile.oauth;
    if (!settings || !profile.sealedSecret) throw new OAuthTokenError(`Auth profile "${profile.name}" has no OAuth client settings`);
    const { headers, form } = tokenRequest(settings, this.options.secrets.open(profile.sealedSecret));
    const requestedAt = this.options.clock.now();
    const request = { method: 'POST', url: settings.tokenUrl, headers, body: form.toString() };
    const result = await this.options.sender.send(request);
    const fail = (problem: string) => {
      const message = `OAuth token from ${settings.tokenUrl}: ${problem}`;
      return new OAuthTokenError(message, recordedTokenExchange(request, result, requestedAt, message));
    };
    const { response, error } = result;
    if (!response) throw fail(`could not be reached (${error})`);
    const { status } = response;
    const body = parseJsonObject(response.body);
    if (status < 200 || status > 299) {
      const reason =
        body && typeof body.error === 'string' ? `: ${body.error}${typeof body.error_description === 'string' ? ` (${body.error_description})` : ''}` : '';
      throw fail(`answered HTTP ${status}${reason}`);
    }
    if (!body) throw fail('answered with a body that is not a JSON object');
    if (typeof body.access_token !== 'string' || body.access_token === '') throw fail('answered without an access_token');
    // RFC 6749 §5.1: token_type is required and case-insensitive; only Bearer can go in the header we send.
    if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') {
      throw fail(`answered token_type ${JSON.stringify(body.token_type ?? null)}, not Bearer`);
    }
    return {
      accessToken: body.access_token,
      expiresAt: expiryOf(body.expires_in, requestedAt),
      exchange: recordedTokenExchange(request, result, requestedAt, null),
    };
  }
}

/** RFC 6749 §2.3.1: Basic with the form-encoded id and secret (the default), or both in the form. */
function tokenRequest(settings: OAuthClientSettings, clientSecret: string): { headers: Record<string, string>; form: URLSearchParams } {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (settings.scope) form.set('scope', settings.scope);
  // Assumption: RFC 6749 has no audience parameter; `audience` is the name Auth0 and most
  // client-credentials services use (RFC 8707 calls it `resource`).
  if (settings.audience) form.set('audience', settings.audience);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (settings.clientAuth === 'basic') {
    const credentials = `${formEncode(settings.clientId)}:${formEncode(clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
  } else {
    form.set('client_id', settings.clientId);
    form.set('client_secret', clientSecret);
  }
  return { headers, form };
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * expires_in is only RECOMMENDED (RFC 6749 §5.1): without one, the token is kept until an
 * endpoint answers 401, which fetches a new one.
 */
function expiryOf(expiresIn: unknown, requestedAt: number): number | null {
  const seconds = typeof expiresIn === 'string' && /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  const lifetimeMs = seconds * 1000;
  return requestedAt + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 10);
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}
