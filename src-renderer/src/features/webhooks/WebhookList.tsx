import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { ListBox } from '../ui/ListBox.tsx';

export interface WebhookListProps {
  webhooks: readonly Webhook[];
  authProfiles: readonly AuthProfile[];
  selectedId: string | null;
  onSelect(id: string): void;
}

const webhookId = (webhook: Webhook) => webhook.id;

export function WebhookList({ webhooks, authProfiles, selectedId, onSelect }: WebhookListProps) {
  const authNames = new Map(authProfiles.map((profile) => [profile.id, profile.name]));
  return (
    <ListBox
      id="webhook-list"
      label="Webhooks"
      items={webhooks}
      itemId={webhookId}
      selectedId={selectedId}
      onSelect={onSelect}
      testId="webhook-list"
      renderItem={(webhook) => (
        <div className="row-stack">
          <div className="row-line">
            <span className="row-title">{webhook.name}</span>
            <span className="row-meta muted" title={vendorCatalogs[webhook.vendor].label}>
              {webhook.vendor}
            </span>
            {webhook.condition && (
              <span className="pill pill-info" title={webhook.condition}>
                Condition
              </span>
            )}
            {!webhook.enabled && <span className="pill pill-muted">Disabled</span>}
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis">{webhook.events.join(', ')}</span>
            <span className="row-meta">
              {webhook.activities.length === 0 ? 'all activities' : `${webhook.activities.length} activit${webhook.activities.length === 1 ? 'y' : 'ies'}`}
            </span>
          </div>
          <div className="row-line muted">
            <span className="row-ellipsis mono">{webhook.endpointUrl}</span>
            {webhook.authProfileId && <span className="row-meta">{authNames.get(webhook.authProfileId) ?? 'auth'}</span>}
          </div>
        </div>
      )}
    />
  );
}
