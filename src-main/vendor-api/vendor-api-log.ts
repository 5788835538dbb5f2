import { randomUUID } from 'node:crypto';
import type { VendorId } from '../../src-shared/domain/vendor.ts';
import type { HttpHeaders } from '../../src-shared/domain/http-message.ts';
import { VENDOR_API_LOG_BODY_MAX, VENDOR_API_LOG_SIZE, type VendorApiCall } from '../../src-shared/domain/vendor-api.ts';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Enough of a credential to tell two apart in the log, never enough to use it. */
const SHOWN_CHARACTERS = 6;

function shortened(value: string): string {
  const space = value.indexOf(' ');
  const scheme = space > 0 ? `${value.slice(0, space)} ` : '';
  const credential = space > 0 ? value.slice(space + 1) : value;
  return credential.length <= SHOWN_CHARACTERS ? `${scheme}…` : `${scheme}${credential.slice(0, SHOWN_CHARACTERS)}… (${credential.length} characters)`;
}

export function loggedHeaders(headers: Record<string, string | string[] | number | undefined>): HttpHeaders {
  const logged: HttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    logged[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? shortened(text) : text;
  }
  return logged;
}

export function loggedBody(body: string | Buffer | null | undefined): string {
  if (body === null || body === undefined) return '';
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
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
