import type { AttemptRequest, HttpHeaders } from '../../src-shared/domain/http-message.ts';
import type { FiredEvent } from '../../src-shared/domain/event.ts';
import type { Webhook } from '../../src-shared/domain/webhook.ts';
import { resolvedAccountSettings, resolvedVendorOptions } from '../../src-shared/vendors/catalogs.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { StoredVendorAccount } from '../storage/vendor-account-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import type { VendorPayload, VendorProfile } from '../vendors/vendor-profile.ts';
import { BODY_SIGNERS } from '../vendors/vendor-registry.ts';
import type { AccountSigningKeys } from './account-signing-keys.ts';
import { resignPayload } from './replay-request.ts';
import { standardWebhooksHeaders } from './standard-webhooks-signature.ts';

/** What signing a webhook's requests needs; the dispatcher and the endpoint check share it. */
export interface RequestSigningDeps {
  webhooks: Pick<WebhookRepository, 'sealedSigningSecrets'>;
  secrets: SecretBox;
  signingKeys: AccountSigningKeys;
  userAgent: string;
}

/** The vendor's payload of `event` for `webhook` (a resign replay's body instead). */
export function deliveryPayload(
  webhook: Webhook,
  event: FiredEvent,
  profile: VendorProfile,
  account: StoredVendorAccount | null,
  attempt: number,
): VendorPayload {
  if (event.replay) return resignPayload(event.replay);
  return profile.buildPayload(event, {
    webhookId: webhook.id,
    webhookName: webhook.name,
    includeData: webhook.includeData,
    attempt,
    options: resolvedVendorOptions(event.vendor, webhook.vendorOptions),
    account: resolvedAccountSettings(event.vendor, account?.settings ?? {}),
  });
}

/** The webhook's Standard Webhooks secrets, opened; empty when its requests go unsigned. */
export function openSigningSecrets(deps: RequestSigningDeps, webhook: Webhook): string[] {
  return webhook.signingSecrets.length > 0 ? deps.webhooks.sealedSigningSecrets(webhook.id).map((sealed) => deps.secrets.open(sealed)) : [];
}

/** The vendor's own signature of the body (Zentitle2 N-Signature with the account key); none when it has none or no key yet. */
export function vendorSignatureHeaders(deps: RequestSigningDeps, profile: VendorProfile, account: StoredVendorAccount | null, body: string): HttpHeaders {
  const { signature } = profile.catalog;
  if (signature === 'none' || !account) return {};
  const accountKey = deps.signingKeys.privateKey(account);
  return accountKey ? BODY_SIGNERS[signature](body, accountKey) : {};
}

/**
 * A signed request without its Authorization: the payload's headers, the vendor's signature, and
 * Standard Webhooks headers with `messageId` (the same over every try, as the spec wants of
 * webhook-id) and the try's time on the vendor clock.
 */
export function signedRequest(
  deps: RequestSigningDeps,
  target: { webhook: Webhook; profile: VendorProfile; account: StoredVendorAccount | null },
  payload: VendorPayload,
  message: { id: string; sentAt: number; method?: string },
): AttemptRequest {
  const signingSecrets = openSigningSecrets(deps, target.webhook);
  const headers = {
    ...payload.headers,
    'user-agent': deps.userAgent,
    ...vendorSignatureHeaders(deps, target.profile, target.account, payload.body),
    ...(signingSecrets.length > 0 ? standardWebhooksHeaders(signingSecrets, message.id, Math.floor(message.sentAt / 1000), payload.body) : {}),
    'content-length': String(Buffer.byteLength(payload.body)),
  };
  return { method: message.method ?? 'POST', url: target.webhook.endpointUrl, headers, body: payload.body };
}
