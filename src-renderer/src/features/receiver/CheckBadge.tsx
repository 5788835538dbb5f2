import type { CaptureSummary } from '../../../../src-shared/domain/capture.ts';

type CaptureVerdicts = Pick<CaptureSummary, 'auth' | 'signature' | 'nSignature'>;

/** The receiver's verdicts on a request, in the order a reader checks them: who sent it, then what it carries. */
export const CAPTURE_CHECKS: ReadonlyArray<{ key: keyof CaptureVerdicts; subject: string; testId: string }> = [
  { key: 'auth', subject: 'Auth', testId: 'auth' },
  { key: 'signature', subject: 'Signature', testId: 'signature' },
  { key: 'nSignature', subject: 'N-Signature', testId: 'n-signature' },
];

/** Each verdict of one capture, with its reason on hover; none for what the bin does not check. */
export function CaptureChecks({ capture }: { capture: CaptureVerdicts }) {
  return (
    <>
      {CAPTURE_CHECKS.map(({ key, subject, testId }) => {
        const check = capture[key];
        if (!check) return null;
        return (
          <span key={key} className={`pill ${check.valid ? 'pill-success' : 'pill-danger'}`} title={check.reason} data-testid={`${testId}-badge`}>
            {subject} {check.valid ? 'valid' : 'invalid'}
          </span>
        );
      })}
    </>
  );
}
