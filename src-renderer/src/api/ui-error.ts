import type { FieldIssue } from '../../../src-shared/contracts/contract-kit.ts';
import { toErrorPayload, type ErrorCode } from '../../../src-shared/errors.ts';

/** Whatever a call rejected with, in the one shape the UI shows. */
export interface UiError {
  code: ErrorCode;
  message: string;
  issues: FieldIssue[];
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && typeof (value as FieldIssue).path === 'string' && typeof (value as FieldIssue).message === 'string';
}

export function toUiError(error: unknown): UiError {
  const payload = toErrorPayload(error);
  const details = payload.details as { issues?: unknown } | undefined;
  const issues = Array.isArray(details?.issues) ? details.issues.filter(isFieldIssue) : [];
  return { code: payload.code, message: payload.message, issues };
}

/** Rules read as predicates ("must be at most 100 characters"); give them their subject. */
function issueText(label: string, message: string): string {
  if (/^(is|must|may|should|cannot|does|has)\b/.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A rejected form's issues: one message per field (the first), and those that belong to no field. */
export interface PlacedIssues<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string[];
}

/**
 * Puts each issue on the form field its path names, in words that name the field. `fieldOf` maps
 * an engine path to the form's field (`settings.tenant` → tenant); by default they are the same.
 */
export function placeIssues<F extends string>(
  issues: readonly FieldIssue[],
  labels: Readonly<Record<F, string>>,
  fieldOf: (path: string) => string | null = (path) => path,
): PlacedIssues<F> {
  const fields: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field !== null && Object.hasOwn(labels, field)) {
      fields[field as F] ??= issueText(labels[field as F], issue.message);
    } else {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  return { fields, general };
}

/** placeIssues for a rejected call: one that named no issues has its message as the one general error. */
export function placeFailure<F extends string>(
  failure: UiError,
  labels: Readonly<Record<F, string>>,
  fieldOf?: (path: string) => string | null,
): PlacedIssues<F> {
  const placed = placeIssues(failure.issues, labels, fieldOf);
  return failure.issues.length === 0 ? { fields: placed.fields, general: [failure.message] } : placed;
}

/** For a form of one field: the issue on that field, or else the message the call rejected with. */
export function fieldError(failure: UiError, field: string, label: string): string {
  return placeIssues(failure.issues, { [field]: label }).fields[field] ?? failure.message;
}
