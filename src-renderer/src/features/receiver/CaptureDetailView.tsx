import type { CaptureDetail } from '../../../../src-shared/domain/capture.ts';
import { BodyViewer } from '../../editor/BodyViewer.tsx';
import { formatByteSize } from '../../format/byte-size.ts';
import { formatTimestamp } from '../../format/time-format.ts';
import { useAppInfo } from '../../stores/app-info-store.ts';
import { ReplayButton } from '../replay/ReplayButton.tsx';
import { CopyableId } from '../ui/CopyableId.tsx';
import { HeadersTable } from '../ui/HeadersTable.tsx';
import { KeyValueList } from '../ui/KeyValueList.tsx';
import { Section } from '../ui/Section.tsx';
import { bearerJwt, JWT_TIME_CLAIMS } from './bearer-jwt.ts';
import { captureOrigin } from './capture-origin.ts';
import { captureReply } from './capture-reply.ts';
import { captureTarget } from '../../../../src-shared/domain/capture-target.ts';
import { CAPTURE_CHECKS, CaptureChecks } from './CheckBadge.tsx';
import { EngineTimestamp } from '../ui/TimeKind.tsx';

function CaptureBodyView({ capture }: { capture: CaptureDetail }) {
  if (capture.bodySize === 0)
    return (
      <p className="muted small" data-testid="capture-body">
        No body.
      </p>
    );
  if (capture.body.encoding === 'utf8') {
    return <BodyViewer body={capture.body.text} contentType={capture.contentType} label="Captured body" testId="capture-body" />;
  }
  return (
    <div className="body-viewer" data-testid="capture-body">
      <p className="muted small">Binary body ({formatByteSize(capture.bodySize)}), shown as base64.</p>
      <pre className="code-raw">{capture.body.base64}</pre>
    </div>
  );
}

/**
 * A JWT Bearer token decoded: its header and claims. It says "verified" only when the receiver
 * checked the token (a bin with an auth check); otherwise it is what the token claims, unproven.
 */
function BearerJwtSection({ capture }: { capture: CaptureDetail }) {
  const jwt = bearerJwt(capture.headers);
  if (!jwt) return null;
  if (!jwt.ok) {
    return (
      <Section title="Bearer token (JWT)">
        <p className="field-error" data-testid="capture-jwt-problem">
          Looks like a JWT but does not decode: {jwt.problem}
        </p>
      </Section>
    );
  }
  const verdict = capture.auth
    ? capture.auth.valid
      ? `Verified by the receiver: ${capture.auth.reason}`
      : `Refused by the receiver: ${capture.auth.reason}`
    : 'Decoded only, not verified: this bin does not check tokens.';
  const times = JWT_TIME_CLAIMS.flatMap(([claim, label]) => {
    const value = jwt.claims[claim];
    return typeof value === 'number' ? [[label, formatTimestamp(value * 1000)] as const] : [];
  });
  return (
    <Section title="Bearer token (JWT)">
      <div data-testid="capture-jwt">
        <p className={capture.auth && !capture.auth.valid ? 'field-error small' : 'muted small'} data-testid="capture-jwt-verdict">
          {verdict}
        </p>
        {times.length > 0 && <KeyValueList label="Token times" items={times} />}
        <h4 className="subheading">Header</h4>
        <pre className="code-raw" data-testid="capture-jwt-header">
          {JSON.stringify(jwt.header, null, 2)}
        </pre>
        <h4 className="subheading">Claims</h4>
        <pre className="code-raw" data-testid="capture-jwt-claims">
          {JSON.stringify(jwt.claims, null, 2)}
        </pre>
      </div>
    </Section>
  );
}

/** Each verdict's reason, as one fact row; none for what the bin does not check. */
function checkRows(capture: CaptureDetail) {
  return CAPTURE_CHECKS.flatMap(({ key, subject, testId }) => {
    const check = capture[key];
    if (!check) return [];
    return [
      [
        subject,
        <span className={check.valid ? undefined : 'field-error'} data-testid={`${testId}-reason`}>
          {check.reason}
        </span>,
      ] as const,
    ];
  });
}

/** One request exactly as the receiver got it; `onDelete` asks before deleting it. */
export function CaptureDetailView({ capture, onDelete }: { capture: CaptureDetail; onDelete(): void }) {
  const reply = captureReply(capture);
  const receiverUrl = useAppInfo((state) => state.info?.receiverUrl ?? '');
  return (
    <div className="detail" data-testid="capture-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2 className="mono">
            <span className="method">{capture.method}</span> {captureTarget(capture)}
          </h2>
          <span className={`pill ${reply.ok === null ? 'pill-muted' : reply.ok ? 'pill-success' : 'pill-danger'}`} title="What the receiver answered">
            {reply.text}
          </span>
          <CaptureChecks capture={capture} />
        </div>
        <div className="detail-actions">
          <ReplayButton
            source={{ kind: 'capture', id: capture.id }}
            defaultUrl={`${receiverUrl}${captureTarget(capture)}`}
            body={capture.body.encoding === 'utf8' ? capture.body.text : null}
          />
          <CopyableId id={capture.id} name="Capture id" />
          <button
            type="button"
            className="button button-small button-danger-quiet"
            title="Delete this capture (Delete key in the list)"
            onClick={onDelete}
            data-testid="capture-delete"
          >
            Delete…
          </button>
        </div>
      </header>
      <div className="detail-body">
        <Section title="Request">
          <KeyValueList
            label="Request"
            items={[
              ['Bin', <span className="mono">{capture.bin}</span>],
              ['Received at', <EngineTimestamp text={formatTimestamp(capture.receivedAt)} />],
              ['From', <span className="mono">{captureOrigin(capture)}</span>],
              ['Content type', capture.contentType ?? '—'],
              ['Size', formatByteSize(capture.bodySize)],
              ...checkRows(capture),
            ]}
          />
        </Section>
        <Section title="Headers">
          <HeadersTable headers={capture.headers} label="Captured headers" testId="capture-headers" />
        </Section>
        <BearerJwtSection capture={capture} />
        <Section title="Body">
          <CaptureBodyView capture={capture} />
        </Section>
      </div>
    </div>
  );
}
