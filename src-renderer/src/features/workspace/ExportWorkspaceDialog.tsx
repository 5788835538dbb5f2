import { useEffect, useState } from 'react';
import type { WorkspaceExport } from '../../../../src-shared/domain/workspace-file.ts';
import { appApi } from '../../api/app-api.ts';
import { toUiError, type UiError } from '../../api/ui-error.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { downloadText } from '../ui/download-text.ts';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { SectionCountsTable } from './SectionCountsTable.tsx';
import { exportedContents } from './workspace-sections.ts';

type Loaded = { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; file: WorkspaceExport };

function ExportContents({ file }: { file: WorkspaceExport }) {
  const { counts, redacted } = exportedContents(file.text);
  return (
    <div className="workspace-file-body">
      <p>Everything configured here, as one file another Hooklab imports: entries refer to each other by name, captures and deliveries stay behind.</p>
      <SectionCountsTable caption="What goes in" columns={[{ label: 'Entries', counts }]} testId="workspace-export-counts" />
      {redacted.length > 0 ? (
        <div className="notice" data-testid="workspace-export-redacted">
          <p>Left out, so the file can be shared — whoever imports it fills these in again:</p>
          <ul className="plain-list mono small">
            {redacted.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">No secrets to leave out.</p>
      )}
      <p className="muted small">Signing keys go as their public half only; Standard Webhooks secrets as a count, so imports make fresh ones.</p>
      <p>
        Downloads as <span className="mono">{file.fileName}</span>.
      </p>
    </div>
  );
}

/** Shows what a workspace file holds before it is saved or copied. */
export function ExportWorkspaceDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger of Try again.
  useEffect(() => {
    if (!open) return;
    let current = true;
    setLoaded({ status: 'loading' });
    appApi()
      .exportWorkspace()
      .then(
        (file) => current && setLoaded({ status: 'ready', file }),
        (error: unknown) => current && setLoaded({ status: 'error', error: toUiError(error) }),
      );
    return () => {
      current = false;
    };
  }, [open, attempt]);

  const file = loaded.status === 'ready' ? loaded.file : null;
  return (
    <Dialog
      open={open}
      title="Export workspace"
      onClose={onClose}
      testId="workspace-export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          {file && <CopyButton text={file.text} label="Copy the workspace file" testId="workspace-export-copy" />}
          <button
            type="button"
            className="button button-primary"
            disabled={!file}
            title={file ? `Saves ${file.fileName}` : undefined}
            onClick={() => file && downloadText(file.fileName, file.text, 'application/json')}
          >
            Download
          </button>
        </>
      }
    >
      {loaded.status === 'loading' && <LoadingState label="Gathering the workspace…" />}
      {loaded.status === 'error' && <ErrorBanner error={loaded.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {file && <ExportContents file={file} />}
    </Dialog>
  );
}
