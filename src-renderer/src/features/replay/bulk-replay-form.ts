import type { ReplayCapturesInput } from '../../../../src-shared/domain/replay.ts';
import { REPLAY_FIELD_LABELS, toReplayTarget, type ReplayTargetField, type ReplayTargetForm } from './replay-form.ts';

/** The most captures one bulk replay takes (the engine's limit); a bigger bin replays its newest. */
export const BULK_REPLAY_MAX = 1000;

export interface BulkReplayForm extends ReplayTargetForm {
  /** Replays per second as typed; blank: as fast as the outbox takes them. */
  rate: string;
}

export type BulkReplayField = ReplayTargetField | 'ratePerSecond';

export const BULK_REPLAY_FIELD_LABELS: Record<BulkReplayField, string> = {
  url: REPLAY_FIELD_LABELS.url,
  webhookId: REPLAY_FIELD_LABELS.webhookId,
  ratePerSecond: 'Rate',
};

/** How many of a bin's captures one bulk replay sends. */
export function bulkReplayCount(captureCount: number): number {
  return Math.min(captureCount, BULK_REPLAY_MAX);
}

export function toReplayCapturesInput(bin: string, captureCount: number, form: BulkReplayForm): Omit<ReplayCapturesInput, 'operationId'> {
  const rate = form.rate.trim();
  return {
    bin,
    limit: Math.max(bulkReplayCount(captureCount), 1),
    target: toReplayTarget(form),
    mode: form.mode,
    ...(rate === '' ? {} : { ratePerSecond: Number(rate) }),
  };
}
