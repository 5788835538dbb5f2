import type { FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import type { ReplayInput, ReplayTarget } from '../../../../src-shared/domain/replay.ts';
import type { ReplayMode, ReplaySource } from '../../../../src-shared/domain/event-replay.ts';
import { placeIssues, toUiError, type PlacedIssues } from '../../api/ui-error.ts';

export type ReplayTargetKind = 'url' | 'webhook';

/** Where and how a replay goes: shared by the single and the bulk replay. */
export interface ReplayTargetForm {
  mode: ReplayMode;
  /** Exact mode only: resign mode always sends as a webhook. */
  targetKind: ReplayTargetKind;
  url: string;
  webhookId: string;
}

export interface ReplayForm extends ReplayTargetForm {
  /** Resign mode only; null when the source's body cannot be edited as text. */
  body: string | null;
}

export type ReplayTargetField = 'url' | 'webhookId';
export type ReplayField = ReplayTargetField | 'body';

export const REPLAY_FIELD_LABELS: Record<ReplayField, string> = { url: 'URL', webhookId: 'Webhook', body: 'Body' };

export const REPLAY_MODE_LABELS: Record<ReplayMode, { title: string; hint: string }> = {
  exact: {
    title: 'Exact',
    hint: 'Byte for byte as captured: method, headers and body unchanged, signatures included. Never retried.',
  },
  resign: {
    title: 'Re-signed',
    hint: 'Re-signed and re-authenticated as the webhook: its signing keys and auth profile, its endpoint and retry policy.',
  },
};

/** Resign mode sends as a webhook whatever the target choice says. */
export function effectiveTargetKind(form: ReplayTargetForm): ReplayTargetKind {
  return form.mode === 'resign' ? 'webhook' : form.targetKind;
}

export function toReplayTarget(form: ReplayTargetForm): ReplayTarget {
  return effectiveTargetKind(form) === 'url' ? { kind: 'url', url: form.url } : { kind: 'webhook', webhookId: form.webhookId };
}

export function toReplayInput(source: ReplaySource, form: ReplayForm): ReplayInput {
  const body = form.mode === 'resign' && form.body !== null ? form.body : undefined;
  return { source, target: toReplayTarget(form), mode: form.mode, ...(body === undefined ? {} : { body }) };
}

/** Engine paths onto the fields shown: `target` names whichever target control the mode shows. */
export function placeReplayIssues<F extends string>(
  form: ReplayTargetForm,
  issues: readonly FieldIssue[],
  labels: Record<F | ReplayTargetField, string>,
): PlacedIssues<F | ReplayTargetField> {
  const targetField: ReplayTargetField = effectiveTargetKind(form) === 'url' ? 'url' : 'webhookId';
  return placeIssues(issues, labels, (path) => {
    if (path === 'target' || path.startsWith('target.')) return targetField;
    return path;
  });
}

/**
 * A failed replay as the dialogs show it: issues on their fields; above the form, the error's
 * message with the issues no field takes, or alone when no issue found a field.
 */
export function placeReplayFailure<F extends string>(
  form: ReplayTargetForm,
  caught: unknown,
  labels: Record<F | ReplayTargetField, string>,
): PlacedIssues<F | ReplayTargetField> {
  const failure = toUiError(caught);
  const placed = placeReplayIssues(form, failure.issues, labels);
  return { fields: placed.fields, general: placed.general.length > 0 || Object.keys(placed.fields).length === 0 ? [failure.message, ...placed.general] : [] };
}

/** The field errors a change leaves: those of the fields it touched are stale. */
export function withoutFieldErrors<F extends string>(errors: Partial<Record<F, string>>, cleared: readonly F[]): Partial<Record<F, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !cleared.includes(field as F))) as Partial<Record<F, string>>;
}
