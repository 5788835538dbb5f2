import { useState, type FormEvent } from 'react';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { placeFailure } from '../../api/ui-error.ts';
import { useEndpointCheck } from '../../stores/endpoint-check-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { VendorSelect } from '../catalog/VendorSelect.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';
import { FormField } from '../ui/FormField.tsx';

const LABELS = { url: 'Endpoint URL', vendor: 'Vendor', webhook: 'Webhook' } as const;

/** What to check: the endpoint, the vendor whose requests to send, and optionally the webhook whose auth and signing to use. */
export function CheckRunForm() {
  const webhooks = useWebhooks((state) => state.webhooks);
  const running = useEndpointCheck((state) => state.running);
  const startError = useEndpointCheck((state) => state.startError);
  const start = useEndpointCheck((state) => state.start);
  const [url, setUrl] = useState('');
  const [vendor, setVendor] = useState<VendorId>('sentinel-ems');
  const [webhook, setWebhook] = useState('');
  const ofVendor = webhooks.filter((candidate) => candidate.vendor === vendor);
  const placed = startError ? placeFailure(startError, LABELS) : { fields: {}, general: [] };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start({ url, vendor, ...(webhook ? { webhook } : {}) });
  };
  const chooseVendor = (next: VendorId) => {
    setVendor(next);
    setWebhook('');
  };

  return (
    <form className="check-form" onSubmit={submit} noValidate data-testid="check-form">
      <FormField htmlFor="check-url" label={LABELS.url} required error={placed.fields.url} hint="Your receiver, e.g. http://127.0.0.1:3000/webhooks">
        <input
          id="check-url"
          className="input mono"
          value={url}
          onChange={(change) => setUrl(change.target.value)}
          placeholder="http://127.0.0.1:3000/webhooks"
          data-testid="check-url"
        />
      </FormField>
      <FormField htmlFor="check-vendor" label={LABELS.vendor} error={placed.fields.vendor} hint="Whose payloads, signature and auth model the requests follow.">
        <VendorSelect id="check-vendor" value={vendor} onChange={chooseVendor} testId="check-vendor" />
      </FormField>
      <FormField
        htmlFor="check-webhook"
        label={LABELS.webhook}
        error={placed.fields.webhook}
        hint="Its auth profile, signing secrets, options and deadline shape the cases; without one, the vendor's defaults."
      >
        <select id="check-webhook" className="input" value={webhook} onChange={(change) => setWebhook(change.target.value)} data-testid="check-webhook">
          <option value="">None: the vendor&apos;s defaults</option>
          {ofVendor.map((candidate) => (
            <option key={candidate.id} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </select>
      </FormField>
      <ErrorList messages={placed.general} lead="The check did not run:" testId="check-start-error" />
      <button type="submit" className="button button-primary" disabled={running !== null} data-testid="check-start">
        {running ? `Checking… ${running.cases.length}/${running.total ?? '?'}` : 'Run the check'}
      </button>
    </form>
  );
}
