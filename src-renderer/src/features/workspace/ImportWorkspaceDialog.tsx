import { useState, type FormEvent } from 'react';
import type { OnClash, WorkspaceImportPreview as Preview, WorkspaceImportResult } from '../../../../src-shared/domain/workspace-file.ts';
import { appApi } from '../../api/app-api.ts';
import { placeFailure, toUiError } from '../../api/ui-error.ts';
import { refreshAfterWorkspaceImport } from '../../stores/workspace-import-refresh.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FileOrPasteField, type FileOrPasteValue } from '../ui/FileOrPasteField.tsx';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import { WorkspaceImportPreview } from './WorkspaceImportPreview.tsx';
import { WorkspaceImportSummary } from './WorkspaceImportSummary.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';

type Step = { name: 'source' } | { name: 'preview'; preview: Preview } | { name: 'done'; result: WorkspaceImportResult };

const FORM_ID = 'workspace-import-form';
const EMPTY_SOURCE: FileOrPasteValue = { text: '', fileName: null };
const FIELD_LABELS = { text: 'Workspace file' };

/** Issues about the whole file (not JSON, wrong format) read best at the field; those inside it keep their paths. */
const fieldOfFileIssue = (path: string) => (path === '' ? 'text' : path);

/** A workspace file, from a file or a paste, previewed (counts, clashes, secrets to fill in), then imported whole or not at all. */
export function ImportWorkspaceDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [source, setSource] = useState<FileOrPasteValue>(EMPTY_SOURCE);
  const [step, setStep] = useState<Step>({ name: 'source' });
  const [onClash, setOnClash] = useState<OnClash>('skip');
  const [textError, setTextError] = useState<string | undefined>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const clearErrors = () => {
    setTextError(undefined);
    setProblems([]);
  };

  const close = () => {
    setSource(EMPTY_SOURCE);
    setStep({ name: 'source' });
    setOnClash('skip');
    clearErrors();
    onClose();
  };

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    clearErrors();
    try {
      await work();
    } catch (caught) {
      const placed = placeFailure(toUiError(caught), FIELD_LABELS, fieldOfFileIssue);
      setTextError(placed.fields.text);
      setProblems(placed.general);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.name === 'source') {
      void run(async () => setStep({ name: 'preview', preview: await appApi().previewWorkspaceImport({ text: source.text }) }));
    } else if (step.name === 'preview') {
      void run(async () => {
        const result = await appApi().importWorkspace({ text: source.text, ...(step.preview.clashes.length > 0 && { onClash }) });
        await refreshAfterWorkspaceImport();
        setStep({ name: 'done', result });
      });
    }
  };

  const footer =
    step.name === 'done' ? (
      <button type="button" className="button button-primary" onClick={close}>
        Done
      </button>
    ) : (
      <>
        {step.name === 'preview' && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              clearErrors();
              setStep({ name: 'source' });
            }}
          >
            Back
          </button>
        )}
        <FormDialogFooter
          formId={FORM_ID}
          onCancel={close}
          busy={busy}
          busyLabel={step.name === 'source' ? 'Reading…' : 'Importing…'}
          submitLabel={step.name === 'source' ? 'Preview' : 'Import'}
          submitTitle={SUBMIT_SHORTCUT_LABEL}
          disabled={source.text.trim() === ''}
        />
      </>
    );

  return (
    <Dialog open={open} title="Import workspace" onClose={close} size="large" testId="workspace-import-dialog" footer={footer}>
      {step.name === 'done' ? (
        <WorkspaceImportSummary result={step.result} onLeave={close} />
      ) : (
        <form id={FORM_ID} className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
          <ErrorList messages={problems} lead="Nothing was imported:" mono testId="workspace-import-problems" />
          {step.name === 'source' ? (
            <FileOrPasteField
              id="workspace-import"
              value={source}
              accept=".json"
              fileHint="A hooklab-workspace .json file, from Export workspace… or `hooklab export workspace`."
              error={textError}
              onChange={(next) => {
                setSource(next);
                clearErrors();
              }}
            />
          ) : (
            <WorkspaceImportPreview preview={step.preview} onClash={onClash} onClashChange={setOnClash} />
          )}
        </form>
      )}
    </Dialog>
  );
}
