import { useEffect, useId, useState, type FormEvent } from 'react';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { findCatalogEvent, firstEventOf, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { webhookReceives } from '../../../../src-shared/domain/webhook-matching.ts';
import { useFire } from '../../stores/fire-store.ts';
import { useNavigation } from '../../stores/navigation-store.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { CATALOG_PICKER_HINT, CatalogEventPicker } from '../catalog/CatalogEventPicker.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { JsonObjectEditor } from '../ui/JsonObjectEditor.tsx';
import { Section } from '../ui/Section.tsx';
import { submitOnModEnter, SUBMIT_SHORTCUT_LABEL } from '../ui/submit-shortcut.ts';
import { VendorSelect } from '../catalog/VendorSelect.tsx';
import { useParsedSample } from '../conditions/parsed-sample.ts';
import { useFireState } from './use-fire-state.ts';

const SEED_PATTERN = /^-?\d{1,15}$/;

/** `null` is what an event that leaves no state (a delete) generates: fired as generated. */
const isNoState = (text: string) => text.trim() === 'null';

/** What to fire, and a preview of the webhooks that will receive it. */
export function FireForm() {
  const formId = useId();
  const control = (name: string) => `${formId}-${name}`;
  // A state handed over by the Conditions playground; taken once, cleared after the first render.
  const [draft] = useState(() => useFire.getState().draft);
  // Drafts come from the playground, which works on Sentinel EMS events.
  const [vendor, setVendor] = useState<VendorId>('sentinel-ems');
  const [eventName, setEventName] = useState(() => draft?.eventName ?? firstEventOf('sentinel-ems').eventName);
  const catalogEvent = findCatalogEvent(vendor, eventName);
  const [activity, setActivity] = useState(catalogEvent?.activities[0] ?? '');
  const [entityId, setEntityId] = useState('');
  const [seed, setSeed] = useState('');
  const webhooks = useWebhooks((state) => state.webhooks);
  const firing = useFire((state) => state.firing);
  const error = useFire((state) => state.error);
  const go = useNavigation((state) => state.go);

  const seedError = seed.trim() !== '' && !SEED_PATTERN.test(seed.trim()) ? 'must be a whole number' : null;
  const seedNumber = seed.trim() === '' || seedError ? undefined : Number(seed.trim());
  const fireState = useFireState({ vendor, eventName, activity, seed: seedNumber }, draft);
  const stateText = fireState.state.text;
  const parsedState = useParsedSample(isNoState(stateText) ? '' : stateText, 'state');
  const stateError = parsedState.error;
  const receivers = webhooks.filter((webhook) => webhookReceives(webhook, vendor, eventName, activity));

  useEffect(() => {
    if (draft) useFire.getState().setDraft(null);
  }, [draft]);

  const changeEvent = (name: string, foundByActivity?: string) => {
    setEventName(name);
    setActivity(foundByActivity ?? findCatalogEvent(vendor, name)?.activities[0] ?? '');
  };

  const changeVendor = (next: VendorId) => {
    const first = firstEventOf(next);
    setVendor(next);
    setEventName(first.eventName);
    setActivity(first.activity);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (seedError || stateError || fireState.state.loading) return;
    void useFire.getState().fire({
      vendor,
      eventName,
      activity,
      entityId: entityId.trim() || undefined,
      currentState: parsedState.sample ?? undefined,
      // The state's own seed: the entity id and previous state are those generated with it.
      seed: fireState.state.seed,
    });
  };

  return (
    <form className="detail fire-form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate data-testid="fire-form">
      <header className="detail-header">
        <div className="detail-title">
          <h2>New event</h2>
        </div>
      </header>
      <div className="detail-body">
        {error && <ErrorBanner error={error} />}
        <section className="section" aria-label="What to fire">
          <FormField htmlFor={control('vendor')} label="Vendor" hint={vendorCatalogs[vendor].note}>
            <VendorSelect id={control('vendor')} value={vendor} onChange={changeVendor} testId="fire-vendor" />
          </FormField>
          <FormField htmlFor={control('event')} label="Event" required hint={CATALOG_PICKER_HINT}>
            <CatalogEventPicker id={control('event')} vendor={vendor} value={eventName} onChange={changeEvent} />
          </FormField>
          <FormField
            htmlFor={control('activity')}
            label="Activity"
            hint={`What happened in ${vendorCatalogs[vendor].label} to raise “${eventName}” (${catalogEvent?.activities.length ?? 0} activities).`}
          >
            <select
              id={control('activity')}
              className="input"
              value={activity}
              aria-describedby={fieldMessageId(control('activity'))}
              onChange={(change) => setActivity(change.target.value)}
            >
              {catalogEvent?.activities.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField htmlFor={control('entityId')} label="Entity id" hint="Leave empty for a new generated id.">
            <input
              id={control('entityId')}
              className="input mono"
              value={entityId}
              autoComplete="off"
              spellCheck={false}
              placeholder="generated"
              aria-describedby={fieldMessageId(control('entityId'))}
              onChange={(change) => setEntityId(change.target.value)}
            />
          </FormField>
        </section>
        <section className="section fire-state" aria-labelledby={control('state-title')}>
          <div className="fire-state-header">
            <h3 className="fire-state-title" id={control('state-title')}>
              Current state
            </h3>
            <div className="input-group">
              <input
                id={control('seed')}
                className="input input-small mono fire-seed"
                aria-label="Seed"
                value={seed}
                inputMode="numeric"
                autoComplete="off"
                placeholder="random seed"
                aria-invalid={Boolean(seedError) || undefined}
                onChange={(change) => setSeed(change.target.value)}
              />
              <button
                type="button"
                className="button button-small"
                disabled={fireState.state.loading || Boolean(seedError)}
                onClick={() => void fireState.regenerate()}
                data-testid="regenerate-state"
              >
                Regenerate
              </button>
            </div>
          </div>
          <p className="muted small" data-testid="fire-state-origin">
            {fireState.state.loading ? 'Generating…' : fireState.state.origin || 'Not generated yet'} · what trigger conditions see; edit it to fire exactly the
            state you mean
          </p>
          {seedError && (
            <p className="field-error small" role="alert">
              Seed {seedError}
            </p>
          )}
          {fireState.state.error && <ErrorBanner error={fireState.state.error} />}
          <JsonObjectEditor
            value={stateText}
            onChange={fireState.edit}
            label="Current state"
            error={stateError}
            errorTestId="fire-state-error"
            className="fire-state-editor"
          />
        </section>
        <Section title="Will be delivered to" count={receivers.length}>
          {receivers.length === 0 ? (
            <p className="notice" data-testid="no-receivers">
              No enabled webhook subscribes to “{eventName}” with activity “{activity}”: firing records the event but sends nothing.{' '}
              <button type="button" className="link-button" onClick={() => go('webhooks')}>
                Set up a webhook
              </button>
            </p>
          ) : (
            <ul className="plain-list" data-testid="fire-receivers">
              {receivers.map((webhook) => (
                <li key={webhook.id} className="row-line">
                  <span className="row-title">{webhook.name}</span>
                  {webhook.condition && (
                    <span className="pill pill-info" title={`Only if the current state matches: ${webhook.condition}`}>
                      if its condition holds
                    </span>
                  )}
                  <span className="mono muted small row-ellipsis">{webhook.endpointUrl}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <footer className="detail-footer">
        <button
          type="submit"
          className="button button-primary"
          disabled={firing || !catalogEvent || Boolean(stateError) || fireState.state.loading}
          data-testid="fire-submit"
        >
          {firing ? 'Firing…' : 'Fire event'}
          <kbd>{SUBMIT_SHORTCUT_LABEL}</kbd>
        </button>
      </footer>
    </form>
  );
}
