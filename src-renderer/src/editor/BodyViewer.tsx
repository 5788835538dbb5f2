import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { isJsonContent, nestedJsonFields, prettyBody } from './json-body.ts';

// Monaco is large: it loads the first time a body is shown, not at startup.
const CodeViewer = lazy(() => import('./CodeViewer.tsx'));

type BodyMode = 'pretty' | 'raw';

export interface BodyViewerProps {
  body: string;
  contentType?: string | null;
  /** Names the region for assistive tech and tests, e.g. "Request body". */
  label: string;
  testId?: string;
}

/** A payload: pretty JSON in a read-only Monaco editor, or the exact bytes as received. */
export function BodyViewer({ body, contentType, label, testId }: BodyViewerProps) {
  const json = useMemo(() => isJsonContent(contentType, body), [contentType, body]);
  const nested = useMemo(() => (json ? nestedJsonFields(body) : []), [json, body]);
  const [mode, setMode] = useState<BodyMode>('pretty');
  const [decodeNested, setDecodeNested] = useState(false);
  const decodeId = useId();

  if (body === '') {
    return (
      <div className="body-viewer" data-testid={testId}>
        <p className="muted small">Empty body</p>
      </div>
    );
  }

  const effectiveMode: BodyMode = json ? mode : 'raw';
  const text = effectiveMode === 'pretty' ? prettyBody(body, decodeNested) : body;

  return (
    <div className="body-viewer" data-testid={testId}>
      <div className="body-viewer-toolbar">
        {json && (
          <div className="segmented" role="group" aria-label={`${label} view`}>
            {(['pretty', 'raw'] as const).map((option) => (
              <button key={option} type="button" aria-pressed={effectiveMode === option} onClick={() => setMode(option)}>
                {option === 'pretty' ? 'Pretty' : 'Raw'}
              </button>
            ))}
          </div>
        )}
        {effectiveMode === 'pretty' && nested.length > 0 && (
          <label className="checkbox-inline" htmlFor={decodeId} title="These fields hold JSON documents encoded as strings">
            <input id={decodeId} type="checkbox" checked={decodeNested} onChange={(event) => setDecodeNested(event.target.checked)} />
            Decode {nested.join(' / ')}
          </label>
        )}
        <span className="muted small body-viewer-size">{new TextEncoder().encode(body).length} bytes</span>
      </div>
      {effectiveMode === 'pretty' ? (
        <Suspense fallback={<pre className="code-raw">{text}</pre>}>
          <CodeViewer value={text} language="json" label={label} />
        </Suspense>
      ) : (
        <pre className="code-raw" role="region" aria-label={label} data-testid={testId ? `${testId}-raw` : undefined}>
          {text}
        </pre>
      )}
    </div>
  );
}
