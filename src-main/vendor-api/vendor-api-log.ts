import { randomUUID } from 'node:crypto';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { isCredentialHeader } from '../storage/sealed-headers.ts';
import { VENDOR_API_LOG_BODY_MAX, VENDOR_API_LOG_SIZE, type VendorApiCall } from '../../src-shared/domain/vendor-api.ts';

/** Enough of a credential to tell two apart in the log, never enough to use it. */
const SHOWN_CHARACTERS = 6;

function shortenedCredential(credential: string): string {
  return credential.length <= SHOWN_CHARACTERS ? '…' : `${credential.slice(0, SHOWN_CHARACTERS)}… (${credential.length} characters)`;
}

/** A header's credential, its scheme (Bearer, Basic) kept. */
function shortened(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${shortenedCredential(value.slice(space + 1))}` : shortenedCredential(value);
}

export function loggedHeaders(headers: Record<string, string | string[] | number | undefined>): HttpHeaders {
  const logged: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    // The headers Hooklab seals at rest: Authorization, cookies, and any name of a token, secret, key…
    logged[name] = isCredentialHeader(name) ? shortened(text) : text;
  }
  return logged;
}

/** Body fields holding credentials: a token request's client_secret, its answer's access_token, passwords. */
const CREDENTIAL_FIELD = /secret|password|token$/i;
const FORM_FIELD = /(^|&)([^=&]+)=([^&]*)/g;

function formDecoded(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

/** A credential field's value in any JSON type, shortened: a number or an object can hold a secret too. */
function shortenedValue(value: unknown): unknown {
  if (value === null) return value;
  return shortenedCredential(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * `"secret": "…"`, `'secret': '…'` or `secret: word` in text that does not parse as JSON: a client's
 * broken body can hold a whole password. A key's \uXXXX escapes are read before it is judged.
 */
const LOOSE_JSON_CREDENTIAL = /((["']?)((?:[\w$-]|\\u[0-9a-fA-F]{4})+)\2\s*:\s*)("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|[^\s,}\]]+)/g;

const unescapedKey = (key: string) => key.replace(/\\u([0-9a-fA-F]{4})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

function looseJsonShortened(text: string): string {
  return text.replace(LOOSE_JSON_CREDENTIAL, (whole, key: string, _quote: string, field: string, value: string) => {
    if (!CREDENTIAL_FIELD.test(unescapedKey(field))) return whole;
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    const bare = quote ? value.slice(1).replace(new RegExp(`${quote}$`), '') : value;
    return `${key}"${shortenedCredential(bare)}"`;
  });
}

/** A JSON or form-encoded body with its credential fields shortened as the headers are; in any other text, what looks like a JSON credential field. */
function credentialsShortened(text: string): string {
  try {
    let changed = false;
    const json: unknown = JSON.parse(text, (field, value: unknown) => {
      if (!CREDENTIAL_FIELD.test(field) || value === null) return value;
      changed = true;
      return shortenedValue(value);
    });
    return changed ? JSON.stringify(json) : text;
  } catch {
    if (!/^[^\s{[]+=/.test(text)) return looseJsonShortened(text);
    return text.replace(FORM_FIELD, (whole, start: string, field: string, value: string) =>
      CREDENTIAL_FIELD.test(formDecoded(field)) ? `${start}${field}=${shortenedCredential(formDecoded(value))}` : whole,
    );
  }
}

export function loggedBody(body: string | Buffer | null | undefined): string {
  if (body === null || body === undefined) return '';
  const text = credentialsShortened(Buffer.isBuffer(body) ? body.toString('utf8') : body);
  return text.length <= VENDOR_API_LOG_BODY_MAX ? text : `${text.slice(0, VENDOR_API_LOG_BODY_MAX)}… (${text.length} characters in all)`;
}

export type NewVendorApiCall = Omit<VendorApiCall, 'id'>;

/** The newest calls to the vendor APIs, in memory: a live log, not a record (it ends with the process). */
export class VendorApiLog {
  private readonly calls: VendorApiCall[] = [];
  private readonly onCall: (call: VendorApiCall) => void;

  constructor(onCall: (call: VendorApiCall) => void) {
    this.onCall = onCall;
  }

  add(call: NewVendorApiCall): void {
    const entry = { id: randomUUID(), ...call };
    this.calls.push(entry);
    if (this.calls.length > VENDOR_API_LOG_SIZE) this.calls.shift();
    this.onCall(entry);
  }

  /** Newest first. */
  list(vendor: VendorId | undefined, limit = VENDOR_API_LOG_SIZE): VendorApiCall[] {
    const matching = vendor ? this.calls.filter((call) => call.vendor === vendor) : this.calls;
    return matching.slice(-limit).reverse();
  }
}
