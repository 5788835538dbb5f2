import type { SignatureCheck } from '../../../../src-shared/domain/webhook-signing.ts';

/** The receiver's Standard Webhooks verdict; nothing when the bin expects no signature. */
export function SignatureBadge({ check }: { check: SignatureCheck | null }) {
  if (!check) return null;
  return (
    <span className={`pill ${check.valid ? 'pill-success' : 'pill-danger'}`} title={check.reason} data-testid="signature-badge">
      {check.valid ? 'Signature valid' : 'Signature invalid'}
    </span>
  );
}
