import type { FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import type { ReplayInput, ReplayMode, ReplaySource } from '../../../../src-shared/domain/replay.ts';
import { placeIssues, type PlacedIssues } from '../../api/ui-error.ts';

export type ReplayTargetKind = 'url' | 'webhook';

export interface ReplayForm {
  mode: ReplayMode;
  /** Exact mode only: resign mode always sends as a webhook. */
  targetKind: ReplayTargetKind;
  url: string;
  webhookId: string;
  /** Resign mode only; null when the source's body cannot be edited as text. */
  body: string | null;
}

export type ReplayField = 'url' | 'webhookId' | 'body';

export const REPLAY_FIELD_LABELS: Record<ReplayField, string> = { url: 'URL', webhookId: 'Webhook', body: 'Body' };

export const REPLAY_MODE_LABELS: Record<ReplayMode, { title: string; hint: string }> = {
  exact: {
    title: 'Exact',
    hint: 'Byte for byte as captured: method, headers and body unchanged, signatures included. Never retried.',
  },
  resign: {
    title: 'Re-signed',
    hint: "Re-signed and re-authenticated as the webhook: its signing keys and auth profile, its endpoint and retry policy.",
  },
};

/** Resign mode sends as a webhook whatever the target choice says. */
export function effectiveTargetKind(form: ReplayForm): ReplayTargetKind {
  return form.mode === 'resign' ? 'webhook' : form.targetKind;
}

export function toReplayInput(source: ReplaySource, form: ReplayForm): ReplayInput {
  const target = effectiveTargetKind(form) === 'url' ? { kind: 'url' as const, url: form.url } : { kind: 'webhook' as const, webhookId: form.webhookId };
  const body = form.mode === 'resign' && form.body !== null ? form.body : undefined;
  return { source, target, mode: form.mode, ...(body === undefined ? {} : { body }) };
}

/** Engine paths onto the fields shown: `target` names whichever target control the mode shows. */
export function placeReplayIssues(form: ReplayForm, issues: readonly FieldIssue[]): PlacedIssues<ReplayField> {
  const targetField: ReplayField = effectiveTargetKind(form) === 'url' ? 'url' : 'webhookId';
  return placeIssues(issues, REPLAY_FIELD_LABELS, (path) => {
    if (path === 'target' || path.startsWith('target.')) return targetField;
    return path;
  });
}
