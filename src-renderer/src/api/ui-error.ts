import type { FieldIssue } from '../../../src-shared/contracts/contract-kit.ts';
import { toErrorPayload, type ErrorCode } from '../../../src-shared/errors.ts';

/** Whatever a call rejected with, in the one shape the UI shows. */
export interface UiError {
  code: ErrorCode;
  message: string;
  issues: FieldIssue[];
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldIssue).path === 'string' &&
    typeof (value as FieldIssue).message === 'string'
  );
}

export function toUiError(error: unknown): UiError {
  const payload = toErrorPayload(error);
  const details = payload.details as { issues?: unknown } | undefined;
  const issues = Array.isArray(details?.issues) ? details.issues.filter(isFieldIssue) : [];
  return { code: payload.code, message: payload.message, issues };
}
