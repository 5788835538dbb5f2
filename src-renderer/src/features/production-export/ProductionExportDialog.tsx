import { useEffect, useState } from 'react';
import type { ExportFile, ProductionExport, ProductionExportWarning } from '../../../../src-shared/domain/production-export.ts';
import { appApi } from '../../api/app-api.ts';
import { toUiError, type UiError } from '../../api/ui-error.ts';
import { BodyViewer } from '../../editor/BodyViewer.tsx';
import { CopyButton } from '../ui/CopyButton.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { downloadBlob, downloadText } from '../ui/download-text.ts';
import { showToast } from '../../stores/toast-store.ts';
import { EXPORT_ZIP_NAME, exportZip } from './export-zip.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { ErrorBanner } from '../ui/ErrorBanner.tsx';
import { LoadingState } from '../ui/LoadingState.tsx';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { Switch } from '../ui/Switch.tsx';

export interface ProductionExportDialogProps {
  open: boolean;
  /** The webhook open on the page, offered as the export's scope beside "all". */
  selected: { id: string; name: string } | null;
  webhookCount: number;
  onClose(): void;
}

type Scope = 'all' | 'selected';

/** JSON bodies are shown pretty (Monaco) or raw; curl scripts as plain text. */
function fileType(file: ExportFile): string {
  return file.name.endsWith('.json') ? 'application/json' : 'text/x-shellscript';
}

function warningSubject(warning: ProductionExportWarning): string {
  return warning.webhook === null ? `Workspace · ${warning.field}` : `${warning.webhook} · ${warning.field}`;
}

function ExportWarnings({ warnings }: { warnings: ProductionExportWarning[] }) {
  return (
    <div className="notice notice-warning export-warnings" role="alert" data-testid="export-warnings">
      <p className="export-warnings-title">{warnings.length === 1 ? '1 thing' : `${warnings.length} things`} production will not do as this workspace does:</p>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.webhook}:${warning.field}:${warning.message}`}>
            <strong>{warningSubject(warning)}</strong>: {warning.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ExportFiles({ files, withSecrets, shownName, onShow }: { files: ExportFile[]; withSecrets: boolean; shownName: string; onShow(name: string): void }) {
  const shown = files.find((file) => file.name === shownName) ?? files[0];
  if (!shown) return <EmptyState title="Nothing to export">There are no webhooks yet: create one, then export it here.</EmptyState>;
  return (
    <div className="export-files">
      <div className="export-files-side">
        <div className="export-files-header">
          <h3 className="export-files-title">Files</h3>
          <button
            type="button"
            className="button button-small"
            title={`Every file in one zip, ${EXPORT_ZIP_NAME}; scripts unpack executable`}
            onClick={() => {
              downloadBlob(EXPORT_ZIP_NAME, exportZip(files, new Date(), withSecrets));
              showToast(`${files.length} files saved as ${EXPORT_ZIP_NAME}`);
            }}
            data-testid="export-download-all"
          >
            Download all
          </button>
        </div>
        <ul className="export-file-list" aria-label="Exported files" data-testid="export-file-list">
          {files.map((file) => (
            <li key={file.name}>
              <button type="button" className="export-file-button mono" aria-current={file.name === shown.name || undefined} onClick={() => onShow(file.name)}>
                {file.name}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <section className="export-file" aria-label={shown.name} data-testid="export-file">
        <header className="export-file-header">
          <span className="mono export-file-name">{shown.name}</span>
          <CopyButton text={shown.content} label={`Copy ${shown.name}`} />
          <button type="button" className="button button-small" onClick={() => downloadText(shown.name, shown.content, fileType(shown))}>
            Download
          </button>
        </header>
        <BodyViewer key={shown.name} body={shown.content} contentType={fileType(shown)} label={`Contents of ${shown.name}`} testId="export-file-body" />
      </section>
    </div>
  );
}

/**
 * The webhooks in their vendors' management API formats, as files to run or hand over. Read-only,
 * so it is exported afresh whenever the scope or the secrets choice changes.
 */
export function ProductionExportDialog({ open, selected, webhookCount, onClose }: ProductionExportDialogProps) {
  const [scope, setScope] = useState<Scope>('all');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  /** The last export stays shown while the next one (another scope, secrets on or off) is made. */
  const [result, setResult] = useState<ProductionExport | null>(null);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [shownName, setShownName] = useState('');
  const selectedId = scope === 'selected' ? (selected?.id ?? null) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger of Try again.
  useEffect(() => {
    if (!open) return;
    let current = true;
    setExporting(true);
    setError(null);
    appApi()
      .exportProductionConfig({ includeSecrets, ...(selectedId ? { webhookIds: [selectedId] } : {}) })
      .then(
        (next) => current && setResult(next),
        (caught: unknown) => current && setError(toUiError(caught)),
      )
      .finally(() => current && setExporting(false));
    return () => {
      current = false;
    };
  }, [open, selectedId, includeSecrets, attempt]);

  const scopeOptions: ReadonlyArray<{ value: Scope; label: string }> = [
    { value: 'all', label: `All webhooks (${webhookCount})` },
    ...(selected ? [{ value: 'selected' as const, label: `Only “${selected.name}”` }] : []),
  ];

  return (
    <Dialog
      open={open}
      title="Export to production"
      onClose={onClose}
      size="large"
      testId="production-export-dialog"
      footer={
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="export-options">
        {selected && <SegmentedRadio<Scope> label="Webhooks to export" options={scopeOptions} value={scope} onChange={setScope} />}
        <Switch
          id="export-include-secrets"
          label="Include secrets"
          checked={includeSecrets}
          onChange={setIncludeSecrets}
          hint="When off, passwords, client secrets and tokens are written as {{…}} placeholders to fill in."
        />
      </div>
      {includeSecrets && (
        <p className="notice notice-danger" role="alert" data-testid="export-secrets-warning">
          Passwords, client secrets and tokens are written in plain text into these files. Keep them out of version control and chat, and delete them once used.
        </p>
      )}
      {error && <ErrorBanner error={error} onRetry={() => setAttempt((count) => count + 1)} />}
      {exporting && !result && <LoadingState label="Exporting…" />}
      {result && (
        <div className="export-result" aria-busy={exporting} data-testid="export-result">
          {result.warnings.length > 0 && <ExportWarnings warnings={result.warnings} />}
          <ExportFiles files={result.files} withSecrets={includeSecrets} shownName={shownName} onShow={setShownName} />
        </div>
      )}
    </Dialog>
  );
}
