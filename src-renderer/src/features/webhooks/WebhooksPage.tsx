import { useState } from 'react';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { useUnsavedDrafts } from '../../stores/unsaved-draft-store.ts';
import { WEBHOOK_FORM_DRAFT, WebhookForm } from './WebhookForm.tsx';
import { WebhookList } from './WebhookList.tsx';
import { ProductionExportDialog } from '../production-export/ProductionExportDialog.tsx';

/** What the detail pane shows; `formKey` changes only when the user picks something else. */
type Selection = { kind: 'new' } | { kind: 'webhook'; id: string } | { kind: 'first' };

export function WebhooksPage() {
  const webhooks = useWebhooks((state) => state.webhooks);
  const authProfiles = useWebhooks((state) => state.authProfiles);
  const load = useWebhooks((state) => state.load);
  const receiverUrl = useAppInfo((state) => state.info?.receiverUrl ?? null);
  const [selection, setSelection] = useState<Selection>({ kind: 'first' });
  const [formKey, setFormKey] = useState(0);
  const [exporting, setExporting] = useState(false);

  const selected: Webhook | null =
    selection.kind === 'webhook'
      ? (webhooks.find((webhook) => webhook.id === selection.id) ?? null)
      : selection.kind === 'first'
        ? (webhooks[0] ?? null)
        : null;

  const show = (next: Selection) => {
    setSelection(next);
    setFormKey((key) => key + 1);
  };
  /** Another webhook (or a new one) replaces the form: typed edits are asked about first. */
  const pick = (next: Selection) => useUnsavedDrafts.getState().guard(() => show(next), [WEBHOOK_FORM_DRAFT]);
  const startNew = () => pick({ kind: 'new' });

  const detail = () => {
    if (selection.kind === 'new' || selected) {
      return (
        <WebhookForm
          key={formKey}
          webhook={selected}
          webhooks={webhooks}
          authProfiles={authProfiles}
          receiverUrl={receiverUrl}
          // Keep the form mounted across create → edit, so it can say it saved.
          onCreated={(created) => setSelection({ kind: 'webhook', id: created.id })}
          onCancelNew={() => pick({ kind: 'first' })}
          onDeleted={() => show({ kind: 'first' })}
        />
      );
    }
    if (load.status === 'ready' && webhooks.length > 0) {
      return <EmptyState title="This webhook was deleted">Pick another one from the list, or create a new one.</EmptyState>;
    }
    return null;
  };

  return (
    <div className="split">
      <section className="pane pane-list" aria-label="Webhook list">
        <div className="pane-toolbar pane-toolbar-wrap">
          <h2 className="pane-title">
            All webhooks <span className="count">{webhooks.length}</span>
          </h2>
          <div className="pane-toolbar-actions">
            <button
              type="button"
              className="button button-small"
              disabled={webhooks.length === 0}
              title={webhooks.length === 0 ? 'Create a webhook first' : "The webhooks as the vendors' management API takes them: JSON bodies and curl scripts"}
              onClick={() => setExporting(true)}
              data-testid="export-production-open"
            >
              Export to production…
            </button>
            <button type="button" className="button button-primary button-small" onClick={startNew} data-testid="new-webhook">
              New webhook
            </button>
          </div>
        </div>
        <ProductionExportDialog
          key={selected?.id ?? 'none'}
          open={exporting}
          selected={selected && { id: selected.id, name: selected.name }}
          webhookCount={webhooks.length}
          onClose={() => setExporting(false)}
        />
        {load.status === 'error' && <ErrorBanner error={load.error} onRetry={() => void useWebhooks.getState().fetchAll()} />}
        {load.status === 'loading' && webhooks.length === 0 && <LoadingState label="Loading webhooks…" />}
        {load.status === 'ready' && webhooks.length === 0 && (
          <EmptyState
            title="No webhooks yet"
            testId="webhooks-empty"
            action={
              selection.kind !== 'new' && (
                <button type="button" className="button button-primary" onClick={startNew}>
                  Create a webhook
                </button>
              )
            }
          >
            A webhook sends an HTTP POST to an endpoint each time an event it subscribes to fires (Sentinel EMS, FlexNet, Zentitle2 or CloudEvents). Point one
            at the built-in receiver to watch deliveries without writing any code.
          </EmptyState>
        )}
        {webhooks.length > 0 && (
          <WebhookList webhooks={webhooks} authProfiles={authProfiles} selectedId={selected?.id ?? null} onSelect={(id) => pick({ kind: 'webhook', id })} />
        )}
      </section>
      <section className="pane pane-detail" aria-label="Webhook details">
        {detail()}
      </section>
    </div>
  );
}
