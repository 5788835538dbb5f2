export interface Check {
  valid: boolean;
  reason: string;
}

export interface CheckBadgeProps {
  /** What was checked: "Signature", "N-Signature", "Auth". */
  subject: string;
  check: Check | null;
  testId: string;
}

/** One of the receiver's verdicts on a request, with its reason on hover; nothing when the bin checks nothing. */
export function CheckBadge({ subject, check, testId }: CheckBadgeProps) {
  if (!check) return null;
  return (
    <span className={`pill ${check.valid ? 'pill-success' : 'pill-danger'}`} title={check.reason} data-testid={testId}>
      {subject} {check.valid ? 'valid' : 'invalid'}
    </span>
  );
}

/** The verdicts of one capture, in the order a reader checks them: who sent it, then what it carries. */
export function CaptureChecks({ capture }: { capture: { auth: Check | null; signature: Check | null; nSignature: Check | null } }) {
  return (
    <>
      <CheckBadge subject="Auth" check={capture.auth} testId="auth-badge" />
      <CheckBadge subject="Signature" check={capture.signature} testId="signature-badge" />
      <CheckBadge subject="N-Signature" check={capture.nSignature} testId="n-signature-badge" />
    </>
  );
}
