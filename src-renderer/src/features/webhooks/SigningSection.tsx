import { useState } from 'react';
import type { Webhook } from '../../../../src-shared/domain/webhook.ts';
import { toUiError } from '../../api/ui-error.ts';
import { formatTime } from '../../format/time-format.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { FormField } from '../ui/FormField.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';

export type SigningChoice = 'none' | 'standard-webhooks';

export interface SigningSectionProps {
  /** null while creating: the choice is applied right after the webhook is created. */
  webhook: Webhook | null;
  /** The vendor signs every call itself (Zentitle2's N-Signature), so "None" means no signature on top, not unsigned. */
  vendorSigned: boolean;
  choiceOnCreate: SigningChoice;
  onChoiceOnCreateChange(choice: SigningChoice): void;
  /** A secret just added, shown in full this once. */
  revealed: string | null;
  onRevealed(secret: string | null): void;
}

const SIGNING_OPTIONS = [
  { value: 'none', label: 'None' },
  { value: 'standard-webhooks', label: 'Standard Webhooks' },
] as const;

/**
 * Standard Webhooks secrets of a webhook. Secrets are sealed in the engine and only their hint
 * comes back, so a new one is shown in full once; rotating is adding a new one (both sign) and
 * removing the old one when every receiver has the new.
 */
export function SigningSection({ webhook, vendorSigned, choiceOnCreate, onChoiceOnCreateChange, revealed, onRevealed }: SigningSectionProps) {
  const store = useWebhooks.getState();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | undefined>();
  const secrets = webhook?.signingSecrets ?? [];
  const unsignedText = vendorSigned ? "No Standard Webhooks headers are added to the vendor's own signature" : 'Requests go out unsigned';
  const choice: SigningChoice = webhook ? (secrets.length > 0 ? 'standard-webhooks' : 'none') : choiceOnCreate;

  const run = async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      const failure = toUiError(caught);
      setError(failure.issues.map((issue) => issue.message).join('; ') || failure.message);
    }
  };
  const add = (secret?: string) =>
    run(async () => {
      onRevealed(await store.addSigningSecret(webhook!.id, secret));
      setPasted('');
    });
  // Removing a secret takes effect at once and cannot be undone: receivers that know only that
  // secret start rejecting requests, so it is never done without asking.
  const [removing, setRemoving] = useState<string[] | null>(null);
  const removeConfirmed = async (ids: string[]) => {
    for (const id of ids) await store.removeSigningSecret(webhook!.id, id);
    if (ids.length === secrets.length) onRevealed(null);
  };
  const choose = (next: SigningChoice) => {
    if (!webhook) onChoiceOnCreateChange(next);
    else if (next === 'standard-webhooks' && secrets.length === 0) void add();
    else if (next === 'none') setRemoving(secrets.map((secret) => secret.id));
  };

  return (
    <div data-testid="signing-section">
      <SegmentedRadio label="Signing" options={SIGNING_OPTIONS} value={choice} onChange={choose} />
      <p className="field-hint">
        {choice === 'none'
          ? `${unsignedText}.`
          : 'Every secret signs each request (webhook-id, webhook-timestamp, webhook-signature: v1,…); receivers accept any one.'}
        {!webhook && choice === 'standard-webhooks' && ' A secret is generated when the webhook is created.'}
      </p>
      {revealed && (
        <div className="signing-secret-row" role="status" data-testid="revealed-secret">
          <code className="mono">{revealed}</code>
          <CopyButton text={revealed} label="Copy signing secret" testId="copy-secret" />
          <span className="field-hint">Shown only now; Hooklab keeps it encrypted and shows just its last characters later.</span>
        </div>
      )}
      {webhook && secrets.length > 0 && (
        <ul className="signing-secrets" aria-label="Signing secrets">
          {secrets.map((secret) => (
            <li key={secret.id} className="signing-secret-row">
              <code className="mono">{secret.hint}</code>
              <span className="field-hint">added {formatTime(secret.createdAt)}</span>
              <button type="button" className="button button-small" onClick={() => setRemoving([secret.id])}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {webhook && choice === 'standard-webhooks' && (
        <FormField htmlFor="webhook-signing-secret" label="Add a secret (rotation)" error={error} hint="Generate one, or paste whsec_… from elsewhere.">
          <div className="input-group">
            <input
              id="webhook-signing-secret"
              className="input mono"
              value={pasted}
              placeholder="whsec_…"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={Boolean(error) || undefined}
              onChange={(change) => setPasted(change.target.value)}
            />
            <button type="button" className="button" disabled={pasted.trim() === ''} onClick={() => void add(pasted)}>
              Add pasted
            </button>
            <button type="button" className="button" onClick={() => void add()}>
              Generate
            </button>
          </div>
        </FormField>
      )}
      {webhook && choice === 'none' && error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing?.length === 1 ? 'Remove this signing secret?' : `Remove all ${removing?.length} signing secrets?`}
        confirmLabel="Remove"
        onConfirm={() => removeConfirmed(removing ?? [])}
        onClose={() => setRemoving(null)}
      >
        <p>
          {removing?.length === 1
            ? 'It stops signing at once: receivers that know only this secret will reject the next requests.'
            : `${unsignedText} from now on.`}
        </p>
      </ConfirmDialog>
    </div>
  );
}
