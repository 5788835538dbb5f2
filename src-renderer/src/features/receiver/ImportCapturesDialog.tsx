import { useState, type FormEvent } from 'react';
import {
  CAPTURE_IMPORT_LARGE_CHARS,
  CAPTURE_IMPORT_TEXT_MAX,
  DEFAULT_IMPORT_BIN,
  type ImportCapturesInput,
} from '../../../../src-shared/domain/capture-import.ts';
import { formatByteSize } from '../../format/byte-size.ts';
import { CAPTURE_IMPORT_FORMATS } from '../../../../src-shared/domain/capture-source.ts';
import { appApi } from '../../api/app-api.ts';
import { useReceiver } from '../../stores/receiver-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FileOrPasteField, type FileOrPasteValue } from '../ui/FileOrPasteField.tsx';
import { FormField, fieldMessageId } from '../ui/FormField.tsx';
import { SUBMIT_SHORTCUT_LABEL, submitOnModEnter } from '../ui/submit-shortcut.ts';
import { FormDialogFooter } from '../ui/FormDialogFooter.tsx';
import { ErrorList } from '../ui/ErrorList.tsx';
import { useFormSubmission } from '../ui/use-form-submission.ts';

type ImportFormat = NonNullable<ImportCapturesInput['format']>;
type ImportField = 'format' | 'bin' | 'text';

const FIELD_LABELS: Record<ImportField, string> = { format: 'Format', bin: 'Bin', text: 'Requests' };
const FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: 'Tell by the content',
  hooklab: 'Hooklab capture JSON',
  har: 'HAR (browser or proxy export)',
  curl: 'curl commands',
};

/** The picked file's name is kept with each capture; pasted text has none. */
interface ImportForm extends FileOrPasteValue {
  format: ImportFormat;
  bin: string;
}

const EMPTY_FORM: ImportForm = { format: 'auto', bin: DEFAULT_IMPORT_BIN, text: '', fileName: null };

/** Requests from a file or a paste become captures of one bin; a bad entry imports nothing and is named. */
export function ImportCapturesDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const [form, setForm] = useState<ImportForm>(EMPTY_FORM);
  const { errors, problems, busy: importing, clear, submit: run } = useFormSubmission(FIELD_LABELS);

  const change = (next: Partial<ImportForm>) => {
    setForm((current) => ({ ...current, ...next }));
    clear();
  };

  const close = () => {
    setForm(EMPTY_FORM);
    clear();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { format, bin, text, fileName } = form;
      const imported = await appApi().importCaptures({ format, bin, text, ...(fileName ? { fileName } : {}) });
      // The detail pane follows to what was imported, instead of keeping a capture of another bin.
      await useReceiver.getState().setBinFilter(imported.bin, imported.captures[0]?.id);
      close();
    });
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
        <ErrorList messages={problems} lead="Nothing was imported:" mono testId="import-problems" />
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
        <FileOrPasteField
          id="import"
          value={form}
          accept=".har,.json,.txt,.sh"
          fileHint="A .har, Hooklab .json or a text file of curl commands. The host each request went to is kept as its Host header."
          error={errors.text}
          onChange={change}
        />
        {form.text.length > CAPTURE_IMPORT_LARGE_CHARS && (
          <p className="notice notice-warning" role="status" data-testid="import-large">
            This import is large: {formatByteSize(form.text.length)} of text (the limit is {formatByteSize(CAPTURE_IMPORT_TEXT_MAX)}). It is read whole and
            checked before anything is kept, which can take a while; captures beyond the workspace's retention push out the oldest.
          </p>
        )}
      </form>
    </Dialog>
  );
}
