import { lazy, Suspense } from 'react';

// Monaco loads with the first editor shown, not at startup.
const JsonEditor = lazy(() => import('../../editor/JsonEditor.tsx'));

export interface JsonObjectEditorProps {
  value: string;
  onChange(value: string): void;
  label: string;
  /** Why the text is not the JSON object wanted, shown above the editor; null when it is. */
  error: string | null;
  errorTestId: string;
  /** Sizes the editor: it fills this box. */
  className: string;
}

/** JSON text edited in Monaco, with why it cannot be used (broken JSON, not an object) above it. */
export function JsonObjectEditor({ value, onChange, label, error, errorTestId, className }: JsonObjectEditorProps) {
  return (
    <>
      {error && (
        <p className="field-error small" role="alert" data-testid={errorTestId}>
          {error}
        </p>
      )}
      <div className={className}>
        <Suspense fallback={<pre className="code-viewer-fallback">{value.slice(0, 4000)}</pre>}>
          <JsonEditor value={value} onChange={onChange} label={label} height="100%" />
        </Suspense>
      </div>
    </>
  );
}
