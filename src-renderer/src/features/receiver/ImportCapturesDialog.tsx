import { useState, type ChangeEvent, type FormEvent } from 'react';
import { CAPTURE_IMPORT_FORMATS, DEFAULT_IMPORT_BIN, type ImportCapturesInput } from '../../../../src-shared/domain/capture-import.ts';
import { appApi } from '../../api/app-api.ts';
import { placeIssues, toUiError } from '../../api/ui-error.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';

type ImportFormat = NonNullable<ImportCapturesInput['format']>;
type ImportField = 'format' | 'bin' | 'text';

const FIELD_LABELS: Record<ImportField, string> = { format: 'Format', bin: 'Bin', text: 'Requests' };
const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: 'Tell by the content',
  hooklab: 'Hooklab capture JSON',
  har: 'HAR (browser or proxy export)',
  curl: 'curl commands',
};

interface ImportForm {
  format: ImportFormat;
  bin: string;
  text: string;
  /** The picked file's name, kept with each capture; none for pasted text. */
  fileName: string | null;
}

const EMPTY_FORM: ImportForm = { format: 'auto', bin: DEFAULT_IMPORT_BIN, text: '', fileName: null };

/** Requests from a file or a paste become captures of one bin; a bad entry imports nothing and is named. */
export function ImportCapturesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form, setForm] = useState<ImportForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<Partial<Record<ImportField, string>>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);

  const change = (next: Partial<ImportForm>) => {
    setForm((current) => ({ ...current, ...next }));
    setErrors({});
    setProblems([]);
  };

  const close = () => {
    setForm(EMPTY_FORM);
    setErrors({});
    setProblems([]);
    onClose();
  };

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) change({ text: await file.text(), fileName: file.name });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (importing) return;
    setImporting(true);
    try {
      const { format, bin, text, fileName } = form;
      const imported = await appApi().importCaptures({ format, bin, text, ...(fileName ? { fileName } : {}) });
      useReceiver.getState().setBinFilter(imported.bin);
      close();
    } catch (caught) {
      const failure = toUiError(caught);
      const placed = placeIssues(failure.issues, FIELD_LABELS);
      setErrors(placed.fields);
      setProblems(placed.general.length > 0 ? placed.general : Object.keys(placed.fields).length > 0 ? [] : [failure.message]);
    } finally {
      setImporting(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="Import requests"
      onClose={close}
      size="large"
      testId="import-captures-dialog"
      footer={
<FormDialogFooter
          formId="import-captures-form"
          onCancel={close}
          busy={importing}
          busyLabel="Importing…"
          submitLabel="Import"
          submitTitle={SUBMIT_SHORTCUT_LABEL}
        />
      }
    >
      <form id="import-captures-form" className="form" onSubmit={submit} onKeyDown={submitOnModEnter} noValidate>
        {problems.length > 0 && (
          <div className="form-error form-error-list" role="alert" data-testid="import-problems">
            <p>Nothing was imported:</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem} className="mono small">
                  {problem}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="form-row">
          <FormField htmlFor="import-format" label={FIELD_LABELS.format} error={errors.format}>
            <select
              id="import-format"
              className="input"
              value={form.format}
              aria-describedby={fieldMessageId('import-format')}
              onChange={(event) => change({ format: event.target.value as ImportFormat })}
            >
              {(['auto', ...CAPTURE_IMPORT_FORMATS] as const).map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField htmlFor="import-bin" label={FIELD_LABELS.bin} error={errors.bin} required hint="The captures land in this bin.">
            <input
              id="import-bin"
              className="input mono"
              value={form.bin}
              spellCheck={false}
              aria-invalid={Boolean(errors.bin) || undefined}
              aria-describedby={fieldMessageId('import-bin')}
              onChange={(event) => change({ bin: event.target.value })}
            />
          </FormField>
        </div>
        <FormField htmlFor="import-file" label="File" hint={form.fileName ? `Read from ${form.fileName}.` : 'A .har, Hooklab .json or a text file of curl commands.'}>
          <input id="import-file" type="file" className="input" accept=".har,.json,.txt,.sh" onChange={(event) => void pickFile(event)} />
        </FormField>
        <FormField htmlFor="import-text" label="Or paste" error={errors.text}>
          <textarea
            id="import-text"
            className="input textarea mono"
            rows={10}
            value={form.text}
            spellCheck={false}
            aria-invalid={Boolean(errors.text) || undefined}
            aria-describedby={fieldMessageId('import-text')}
            onChange={(event) => change({ text: event.target.value, fileName: null })}
          />
        </FormField>
      </form>
    </Dialog>
  );
}
