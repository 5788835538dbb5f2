import { useMemo, useState, type FormEvent } from 'react';
import type { AuthProfile } from '../../../../src-shared/domain/auth-profile.ts';
import type { VendorId } from '../../../../src-shared/domain/vendor.ts';
import { DESCRIPTION_MAX, WEBHOOK_NAME_MAX, type Webhook } from '../../../../src-shared/domain/webhook.ts';
import { catalogEvents, findCatalogEvent, vendorCatalogs } from '../../../../src-shared/vendors/catalogs.ts';
import { placeFailure, toUiError } from '../../api/ui-error.ts';
import { formatTime } from '../../format/time-format.ts';
import { useWebhooks } from '../../stores/webhooks-store.ts';
import { CATALOG_PICKER_HINT, CatalogEventPicker } from '../catalog/CatalogEventPicker.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CopyableId } from '../ui/CopyableId.tsx';
import { FormErrorSummary } from '../ui/FormErrorSummary.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { submitOnModEnter, SUBMIT_SHORTCUT_LABEL } from '../ui/submit-shortcut.ts';
import { Section } from '../ui/Section.tsx';
import { Switch } from '../ui/Switch.tsx';
import { ConditionWorkbench } from '../conditions/ConditionWorkbench.tsx';
import { useGeneratedSample } from '../conditions/use-generated-sample.ts';
import { ActivityPicker } from './ActivityPicker.tsx';
import { receiverEndpointFor } from './receiver-endpoint.ts';
import { RETRY_FIELDS } from './retry-policy-form.ts';
import { RetryPolicyFields } from './RetryPolicyFields.tsx';
import { SendTestButton } from './SendTestButton.tsx';
import { SigningSection, type SigningChoice } from './SigningSection.tsx';
import { VendorAuthField } from './VendorAuthField.tsx';
import { VendorOptionFields } from './VendorOptionFields.tsx';
import { VendorSignatureNote } from './VendorSignatureNote.tsx';
import {
  emptyWebhookValues,
  FIELD_LABELS,
  FIELD_ORDER,
  fieldOfPath,
  switchVendor,
  toWebhookInput,
  validateWebhook,
  webhookToValues,
  type FieldErrors,
  type WebhookField,
  type WebhookFormValues,
} from './webhook-form-model.ts';
import { VendorSelect } from '../catalog/VendorSelect.tsx';
import { useUnsavedDraft } from '../../stores/unsaved-draft-store.ts';

export interface WebhookFormProps {
  /** null while creating one. */
  webhook: Webhook | null;
  webhooks: readonly Webhook[];
  authProfiles: readonly AuthProfile[];
  receiverUrl: string | null;
  onCreated(webhook: Webhook): void;
  onCancelNew(): void;
  onDeleted(): void;
}

/** The unsaved-draft key of the one webhook form on screen. */
export const WEBHOOK_FORM_DRAFT = 'webhook-form';

const controlId = (field: WebhookField) => `webhook-${field}`;

function focusField(field: WebhookField): void {
  const element = document.getElementById(controlId(field));
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input') : element;
  target?.focus();
}

/** Only vendors that send the name in their calls (Sentinel's webhookName) say so. */
function nameHint(vendor: VendorId): string {
  const { label, nameInPayload } = vendorCatalogs[vendor];
  return nameInPayload ? `Unique among your webhooks; ${label} also sends it in every notification as ${nameInPayload}.` : 'Unique among your webhooks.';
}

/** Why a condition left over from another event or vendor cannot stay, in the vendor's own terms. */
function conditionlessHint(vendor: VendorId): string {
  const allowed = catalogEvents(vendor)
    .filter((event) => event.conditionsAllowed)
    .map((event) => event.name);
  return allowed.length > 0
    ? `Trigger conditions are only allowed on ${allowed.join(', ')}; clear it to save.`
    : `${vendorCatalogs[vendor].label} has no trigger conditions; clear it to save.`;
}

const sameInput = (a: WebhookFormValues, b: WebhookFormValues) => JSON.stringify(toWebhookInput(a)) === JSON.stringify(toWebhookInput(b));

/**
 * Creates or edits one webhook. Rules are checked as the user goes (after a field is left, or
 * on submit) with the engine's own schema; what only the engine knows comes back as field issues
 * and lands on the same fields.
 */
export function WebhookForm({ webhook, webhooks, authProfiles, receiverUrl, onCreated, onCancelNew, onDeleted }: WebhookFormProps) {
  const store = useWebhooks.getState();
  const [baseline, setBaseline] = useState<Webhook | null>(webhook);
  const initial = useMemo(() => (baseline ? webhookToValues(baseline) : emptyWebhookValues('sentinel-ems')), [baseline]);
  const [values, setValues] = useState<WebhookFormValues>(initial);
  const [touched, setTouched] = useState<ReadonlySet<WebhookField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [signingOnCreate, setSigningOnCreate] = useState<SigningChoice>('none');
  const [revealedSecret, setRevealedSecret] = useState<string | null>(null);
  const [droppedByVendor, setDroppedByVendor] = useState<string[]>([]);

  const dirty = !sameInput(values, initial);
  useUnsavedDraft(WEBHOOK_FORM_DRAFT, dirty, webhook ? `Webhook “${webhook.name}”` : 'The new webhook');

  // The webhook changed under the form (saved here, or elsewhere via the live feed): follow it,
  // unless the user is in the middle of editing.
  if (webhook !== baseline && (webhook?.id !== baseline?.id || webhook?.updatedAt !== baseline?.updatedAt)) {
    setBaseline(webhook);
    if (webhook && !dirty) setValues(webhookToValues(webhook));
  }

  const takenNames = useMemo(() => new Set(webhooks.filter((other) => other.id !== webhook?.id).map((other) => other.name)), [webhooks, webhook?.id]);
  const clientErrors = useMemo(() => validateWebhook(values, takenNames), [values, takenNames]);
  const errorOf = (field: WebhookField): string | undefined => serverErrors[field] ?? (submitted || touched.has(field) ? clientErrors[field] : undefined);

  const summarized = submitted
    ? FIELD_ORDER.flatMap((field) => {
        const message = errorOf(field);
        return message ? [{ field, message }] : [];
      })
    : [];

  const catalogEvent = findCatalogEvent(values.vendor, values.event);
  const conditionsAllowed = catalogEvent?.conditionsAllowed ?? false;
  const conditionSample = useGeneratedSample(values.event, conditionsAllowed);
  const creating = webhook === null;

  const update = (patch: Partial<WebhookFormValues>, fields: WebhookField[]) => {
    setValues((current) => ({ ...current, ...patch }));
    setSavedAt(null);
    if (fields.some((field) => serverErrors[field])) {
      setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !fields.includes(field as WebhookField))));
    }
  };
  const touch = (field: WebhookField) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));

  const changeEvent = (event: string) => {
    const activities = findCatalogEvent(values.vendor, event)?.activities ?? [];
    update({ event, activities: values.activities.filter((activity) => activities.includes(activity)) }, ['event', 'activities']);
    touch('event');
  };

  const changeVendor = (vendor: VendorId) => {
    const switched = switchVendor(values, vendor);
    update(switched.values, ['vendor', 'event', 'activities', 'condition', 'authProfileId', 'vendorOptions', 'includeData']);
    setDroppedByVendor(switched.dropped);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setGeneralErrors([]);
    const firstInvalid = FIELD_ORDER.find((field) => clientErrors[field]);
    if (firstInvalid) {
      focusField(firstInvalid);
      return;
    }
    setSaving(true);
    try {
      const input = toWebhookInput(values);
      const saved = webhook ? await store.update(webhook.id, input) : await store.create(input);
      setServerErrors({});
      setSavedAt(Date.now());
      if (creating && signingOnCreate === 'standard-webhooks') setRevealedSecret(await store.addSigningSecret(saved.id));
      if (creating) onCreated(saved);
    } catch (caught) {
      const placed = placeFailure(toUiError(caught), FIELD_LABELS, fieldOfPath);
      setServerErrors(placed.fields);
      setGeneralErrors(placed.general);
      const firstPlaced = FIELD_ORDER.find((field) => placed.fields[field]);
      if (firstPlaced) focusField(firstPlaced);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setValues(initial);
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
    setGeneralErrors([]);
    setDroppedByVendor([]);
  };

  const textControl = (field: 'name' | 'endpointUrl' | 'timeoutMs', extra: { placeholder?: string; mono?: boolean }) => {
    const error = errorOf(field);
    const key = field === 'timeoutMs' ? 'timeout' : field;
    return (
      <input
        id={controlId(field)}
        className={`input${extra.mono ? ' mono' : ''}`}
        value={values[key]}
        placeholder={extra.placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={fieldMessageId(controlId(field))}
        onChange={(change) => update({ [key]: change.target.value }, [field])}
        onBlur={() => touch(field)}
      />
    );
  };

  return (
    <>
      <form className="webhook-form detail" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate data-testid="webhook-form">
        <header className="detail-header">
          <div className="detail-title">
            <h2>{webhook === null ? 'New webhook' : webhook.name}</h2>
            {webhook && <span className={`pill ${webhook.enabled ? 'pill-success' : 'pill-muted'}`}>{webhook.enabled ? 'Enabled' : 'Disabled'}</span>}
          </div>
          {webhook && (
            <div className="detail-actions">
              {vendorCatalogs[webhook.vendor].testEvent && <SendTestButton webhook={webhook} />}
              <CopyableId id={webhook.id} name="Webhook id" />
              <button type="button" className="button button-danger-quiet" onClick={() => setConfirmingDelete(true)}>
                Delete
              </button>
            </div>
          )}
        </header>

        <div className="detail-body">
          <FormErrorSummary errors={summarized} onGo={focusField} testId="webhook-error-summary" />
          {generalErrors.length > 0 && (
            <div className="form-error" role="alert" data-testid="webhook-form-error">
              {generalErrors.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}

          <Section title="General">
            <FormField
              htmlFor={controlId('name')}
              label="Name"
              required
              error={errorOf('name')}
              counter={{ length: values.name.trim().length, max: WEBHOOK_NAME_MAX }}
              hint={nameHint(values.vendor)}
            >
              {textControl('name', { placeholder: 'e.g. ERP - new entitlements' })}
            </FormField>
            <FormField
              htmlFor={controlId('description')}
              label="Description"
              error={errorOf('description')}
              counter={{ length: values.description.length, max: DESCRIPTION_MAX }}
            >
              <textarea
                id={controlId('description')}
                className="input textarea"
                rows={2}
                value={values.description}
                aria-invalid={Boolean(errorOf('description')) || undefined}
                aria-describedby={fieldMessageId(controlId('description'))}
                onChange={(change) => update({ description: change.target.value }, ['description'])}
                onBlur={() => touch('description')}
              />
            </FormField>
          </Section>

          <Section title="Trigger">
            <div className="form-row">
              <FormField htmlFor={controlId('vendor')} label="Vendor" error={errorOf('vendor')} hint={vendorCatalogs[values.vendor].note}>
                <VendorSelect id={controlId('vendor')} value={values.vendor} onChange={changeVendor} />
              </FormField>
            </div>
            {droppedByVendor.length > 0 && (
              <p className="notice notice-warning" role="status" data-testid="vendor-change-dropped">
                {vendorCatalogs[values.vendor].label} has its own catalog and auth: cleared {droppedByVendor.join('; ')}.{' '}
                {dirty && !creating && 'Discard changes to get them back.'}
              </p>
            )}
            <FormField htmlFor={controlId('event')} label="Event" required error={errorOf('event')} hint={CATALOG_PICKER_HINT}>
              <CatalogEventPicker
                id={controlId('event')}
                vendor={values.vendor}
                value={values.event}
                invalid={Boolean(errorOf('event'))}
                onChange={changeEvent}
                onBlur={() => touch('event')}
              />
            </FormField>
            {values.otherEvents.length > 0 && (
              <p className="field-hint">Also subscribed to {values.otherEvents.join(', ')} (set outside this form; kept when saving).</p>
            )}
            <ActivityPicker
              id={controlId('activities')}
              activities={catalogEvent?.activities ?? []}
              all={values.allActivities}
              selected={values.activities}
              error={errorOf('activities')}
              onChange={(allActivities, activities) => {
                update({ allActivities, activities }, ['activities']);
                touch('activities');
              }}
            />
          </Section>

          {(conditionsAllowed || values.condition.trim() !== '') && (
            <Section title="Trigger condition">
              <FormField
                htmlFor={controlId('condition')}
                label="Condition"
                error={errorOf('condition')}
                hint={
                  conditionsAllowed
                    ? 'Optional. Only events whose current state matches are delivered; tried live on a generated sample.'
                    : conditionlessHint(values.vendor)
                }
              >
                <div id={controlId('condition')} tabIndex={-1}>
                  <ConditionWorkbench
                    condition={values.condition}
                    onChange={(condition) => {
                      update({ condition }, ['condition']);
                      touch('condition');
                    }}
                    sample={conditionSample}
                  />
                </div>
              </FormField>
            </Section>
          )}

          <Section title="Delivery">
            <FormField
              htmlFor={controlId('endpointUrl')}
              label="Endpoint URL"
              required
              error={errorOf('endpointUrl')}
              hint="Where the POST goes. Use the built-in receiver to see requests without writing any code."
            >
              <div className="input-group">
                {textControl('endpointUrl', { placeholder: `https://example.com/hooks/${values.vendor}`, mono: true })}
                {receiverUrl && (
                  <button
                    type="button"
                    className="button"
                    title="Point this webhook at the built-in receiver"
                    onClick={() => {
                      update({ endpointUrl: receiverEndpointFor(receiverUrl, values.name) }, ['endpointUrl']);
                      touch('endpointUrl');
                    }}
                  >
                    Use built-in receiver
                  </button>
                )}
              </div>
            </FormField>
            <VendorAuthField
              id={controlId('authProfileId')}
              vendor={values.vendor}
              authProfiles={authProfiles}
              value={values.authProfileId}
              error={errorOf('authProfileId')}
              onChange={(authProfileId) => update({ authProfileId }, ['authProfileId'])}
            />
            <VendorOptionFields
              options={vendorCatalogs[values.vendor].options}
              values={values.vendorOptions}
              error={errorOf('vendorOptions')}
              onChange={(key, value) => update({ vendorOptions: { ...values.vendorOptions, [key]: value } }, ['vendorOptions'])}
            />
            <FormField
              htmlFor={controlId('timeoutMs')}
              label="Timeout"
              error={errorOf('timeoutMs')}
              hint="One deadline for each try: connecting, the response headers and the whole body, e.g. 30s or 2m (1s to 2m). A try without a complete answer by then is a timeout, retried."
            >
              <div className="input-narrow">{textControl('timeoutMs', { placeholder: '30s', mono: true })}</div>
            </FormField>
            <div className="form-row">
              {vendorCatalogs[values.vendor].includeDataChoice && (
                <Switch
                  id={controlId('includeData')}
                  label="Include data"
                  checked={values.includeData}
                  onChange={(includeData) => update({ includeData }, ['includeData'])}
                  hint="Send the entity's state (previous and current) in each call."
                />
              )}
              <Switch
                id={controlId('enabled')}
                label="Enabled"
                checked={values.enabled}
                onChange={(enabled) => update({ enabled }, ['enabled'])}
                hint="A disabled webhook gets no deliveries."
              />
            </div>
          </Section>

          <Section title="Signing">
            <VendorSignatureNote vendor={values.vendor} />
            <SigningSection
              webhook={webhook}
              vendorSigned={vendorCatalogs[values.vendor].signature !== 'none'}
              choiceOnCreate={signingOnCreate}
              onChoiceOnCreateChange={setSigningOnCreate}
              revealed={revealedSecret}
              onRevealed={setRevealedSecret}
            />
          </Section>

          <Section title="Retries">
            <RetryPolicyFields
              vendor={values.vendor}
              values={values.retry}
              errorOf={errorOf}
              controlId={controlId}
              onChange={(patch, field) => update({ retry: { ...values.retry, ...patch } }, field ? [field] : RETRY_FIELDS)}
              onBlur={touch}
            />
          </Section>
        </div>

        <footer className="detail-footer">
          <button type="submit" className="button button-primary" disabled={saving || (!creating && !dirty)} data-testid="webhook-save">
            {saving ? 'Saving…' : creating ? 'Create webhook' : 'Save changes'}
            <kbd>{SUBMIT_SHORTCUT_LABEL}</kbd>
          </button>
          {creating ? (
            <button type="button" className="button" onClick={onCancelNew}>
              Cancel
            </button>
          ) : (
            dirty && (
              <button type="button" className="button" onClick={discard}>
                Discard changes
              </button>
            )
          )}
          <span className="detail-footer-status" role="status">
            {savedAt !== null && !dirty && `Saved at ${formatTime(savedAt)}`}
            {dirty && !creating && 'Unsaved changes'}
          </span>
        </footer>
      </form>

      {webhook && (
        <ConfirmDialog
          open={confirmingDelete}
          title="Delete webhook"
          confirmLabel="Delete webhook"
          onClose={() => setConfirmingDelete(false)}
          onConfirm={async () => {
            await store.remove(webhook.id);
            onDeleted();
          }}
        >
          <p>
            Delete <strong>{webhook.name}</strong>? It gets no further deliveries; the ones it already has stay in Deliveries.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
