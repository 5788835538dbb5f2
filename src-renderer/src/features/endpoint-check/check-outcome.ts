import type { CheckOutcome } from '../../../../src-shared/domain/endpoint-check.ts';

/** How each outcome is labelled and coloured wherever a case is shown. */
export const OUTCOME_LOOK: Record<CheckOutcome, { label: string; pill: string }> = {
  pass: { label: 'Pass', pill: 'pill-success' },
  fail: { label: 'Fail', pill: 'pill-danger' },
  advisory: { label: 'Advisory', pill: 'pill-warning' },
  skipped: { label: 'Skipped', pill: 'pill-muted' },
};
