import type { FieldIssue } from '../../../../src-shared/contracts/contract-kit.ts';
import type { DeliveryMatch, DeliveryStatus } from '../../../../src-shared/domain/delivery.ts';

/** The filter fields as typed; times are `datetime-local` values in vendor time. */
export interface DeliveryFilterValues {
  webhookId: string;
  eventId: string;
  statuses: DeliveryStatus[];
  from: string;
  to: string;
}

export type DeliveryFilterField = keyof DeliveryFilterValues;

export const FILTER_LABELS: Record<DeliveryFilterField, string> = {
  webhookId: 'Webhook',
  eventId: 'Event id',
  statuses: 'Status',
  from: 'From',
  to: 'To',
};

const pad = (value: number) => String(value).padStart(2, '0');

/** Epoch ms → what a `datetime-local` input shows (local clock, to the minute). */
export function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function fromLocalInput(text: string): number | undefined {
  if (text === '') return undefined;
  const epochMs = new Date(text).getTime();
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

export function filterValuesOf(match: DeliveryMatch): DeliveryFilterValues {
  return {
    webhookId: match.webhookId ?? '',
    eventId: match.eventId ?? '',
    statuses: match.statuses ? [...match.statuses] : [],
    from: match.createdFrom === undefined ? '' : toLocalInput(match.createdFrom),
    to: match.createdTo === undefined ? '' : toLocalInput(match.createdTo),
  };
}

export function matchOf(values: DeliveryFilterValues): DeliveryMatch {
  const eventId = values.eventId.trim();
  return {
    webhookId: values.webhookId || undefined,
    eventId: eventId || undefined,
    statuses: values.statuses.length > 0 ? values.statuses : undefined,
    createdFrom: fromLocalInput(values.from),
    createdTo: fromLocalInput(values.to),
  };
}

export const sameMatch = (a: DeliveryMatch, b: DeliveryMatch) => JSON.stringify(filterValuesOf(a)) === JSON.stringify(filterValuesOf(b));

/** `match.createdTo` → to: the engine's refusal, next to the field it is about. */
export function filterErrors(issues: readonly FieldIssue[]): Partial<Record<DeliveryFilterField, string>> {
  const fieldOfKey: Record<string, DeliveryFilterField> = {
    webhookId: 'webhookId',
    eventId: 'eventId',
    statuses: 'statuses',
    createdFrom: 'from',
    createdTo: 'to',
  };
  const errors: Partial<Record<DeliveryFilterField, string>> = {};
  for (const { path, message } of issues) {
    const field = fieldOfKey[path.replace(/^match\./, '').split(/[.[]/)[0]];
    if (field && !errors[field]) errors[field] = `${FILTER_LABELS[field]} ${message}`;
  }
  return errors;
}

export const TIME_PRESETS: ReadonlyArray<{ label: string; title: string; spanMs: number | null }> = [
  { label: '1 h', title: 'Created in the last hour (engine time)', spanMs: 3_600_000 },
  { label: '24 h', title: 'Created in the last 24 hours (engine time)', spanMs: 86_400_000 },
  { label: '7 d', title: 'Created in the last 7 days (engine time)', spanMs: 7 * 86_400_000 },
  { label: 'Any', title: 'Any time', spanMs: null },
];
