import { create } from 'zustand';
import type { AuthProfile, AuthProfileEdit, AuthProfileInput } from '../../../src-shared/domain/auth-profile.ts';
import type { Webhook, WebhookInput } from '../../../src-shared/domain/webhook.ts';
import { appApi } from '../api/app-api.ts';
import { toUiError } from '../api/ui-error.ts';
import type { LoadState } from './load-state.ts';
import { showToast } from './toast-store.ts';
import { upsertById } from './upsert-by-id.ts';
import { useVendorAccounts } from './vendor-accounts-store.ts';

interface WebhooksState {
  webhooks: Webhook[];
  authProfiles: AuthProfile[];
  load: LoadState;
  fetchAll(): Promise<void>;
  /** The calls below reject with the raw error so forms can place field issues. */
  create(input: WebhookInput): Promise<Webhook>;
  update(id: string, input: WebhookInput): Promise<Webhook>;
  remove(id: string): Promise<void>;
  /** Resolves to the secret in full: the only time the engine hands it out. */
  addSigningSecret(webhookId: string, secret?: string): Promise<string>;
  removeSigningSecret(webhookId: string, secretId: string): Promise<void>;
  createAuthProfile(input: AuthProfileInput): Promise<AuthProfile>;
  /** A secret left out (null) keeps the stored one. */
  updateAuthProfile(id: string, profile: AuthProfileEdit): Promise<AuthProfile>;
  replaceWebhooks(webhooks: Webhook[]): void;
}

export const useWebhooks = create<WebhooksState>()((set, get) => ({
  webhooks: [],
  authProfiles: [],
  load: { status: 'idle' },
  async fetchAll() {
    set({ load: { status: 'loading' } });
    try {
      const [webhooks, authProfiles] = await Promise.all([appApi().listWebhooks(), appApi().listAuthProfiles()]);
      set({ webhooks, authProfiles, load: { status: 'ready' } });
    } catch (error) {
      set({ load: { status: 'error', error: toUiError(error) } });
    }
  },
  async create(input) {
    const webhook = await appApi().createWebhook(input);
    set({ webhooks: upsertById(get().webhooks, webhook) });
    // The engine makes a signing vendor's key pair with its first webhook; an account not fetched yet is read when shown.
    const accounts = useVendorAccounts.getState();
    if (accounts.accounts[webhook.vendor]) await accounts.refresh(webhook.vendor);
    return webhook;
  },
  async update(id, input) {
    const webhook = await appApi().updateWebhook({ id, webhook: input });
    set({ webhooks: upsertById(get().webhooks, webhook) });
    return webhook;
  },
  async remove(id) {
    const name = get().webhooks.find((webhook) => webhook.id === id)?.name;
    await appApi().deleteWebhook({ id });
    set({ webhooks: get().webhooks.filter((webhook) => webhook.id !== id) });
    // The one webhook action whose result leaves the screen (create and save stay in view).
    showToast(name ? `Webhook “${name}” deleted` : 'Webhook deleted');
  },
  async addSigningSecret(webhookId, secret) {
    const added = await appApi().addSigningSecret({ webhookId, secret });
    set({ webhooks: upsertById(get().webhooks, added.webhook) });
    return added.secret;
  },
  async removeSigningSecret(webhookId, secretId) {
    const webhook = await appApi().removeSigningSecret({ webhookId, secretId });
    set({ webhooks: upsertById(get().webhooks, webhook) });
  },
  async createAuthProfile(input) {
    const profile = await appApi().createAuthProfile(input);
    set({ authProfiles: [...get().authProfiles.filter((p) => p.id !== profile.id), profile] });
    return profile;
  },
  async updateAuthProfile(id, edit) {
    const profile = await appApi().updateAuthProfile({ id, profile: edit });
    set({ authProfiles: get().authProfiles.map((p) => (p.id === profile.id ? profile : p)) });
    return profile;
  },
  replaceWebhooks(webhooks) {
    set({ webhooks });
  },
}));
