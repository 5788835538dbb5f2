import type { Webhook, WebhookDraft } from '../../src-shared/domain/webhook.ts';
import { signingSecretHint } from '../../src-shared/domain/webhook-signing.ts';
import { generateSigningSecret } from '../engine/standard-webhooks-signature.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { AuthProfileRepository } from '../storage/auth-profile-repository.ts';
import type { WebhookRepository } from '../storage/webhook-repository.ts';
import { ensureVendorKey, type VendorAccountDeps } from './vendor-accounts.ts';
import { checkWebhookRules } from './webhook-rules.ts';

export interface WebhookDeps {
  webhooks: WebhookRepository;
  authProfiles: AuthProfileRepository;
  accountDeps: VendorAccountDeps;
  secrets: SecretBox;
  now(): number;
}

/** A new webhook (`id` null) or the one with `id`, once it meets the rules; its vendor gets an account key if it signs with one. */
export function saveWebhook(deps: WebhookDeps, id: string | null, draft: WebhookDraft): Webhook {
  checkWebhookRules(draft, id, deps.webhooks, deps.authProfiles);
  ensureVendorKey(deps.accountDeps, draft.vendor);
  const now = deps.now();
  return id === null ? deps.webhooks.insert(draft, now) : deps.webhooks.update(id, draft, now)!;
}

/** Seals the secret given, or a generated one, beside the webhook's others; returns it in clear, to be shown once. */
export function addSigningSecret(deps: WebhookDeps, webhookId: string, secret: string = generateSigningSecret()): string {
  deps.webhooks.addSigningSecret(webhookId, deps.secrets.seal(secret), signingSecretHint(secret), deps.now());
  return secret;
}
