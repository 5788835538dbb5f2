import type { ChangeEvent } from 'react';
import { FormField, fieldMessageId } from './FormField.tsx';

/** Text that came from a picked file (its name kept) or was pasted (no name). */
export interface FileOrPasteValue {
  text: string;
  fileName: string | null;
}

export interface FileOrPasteFieldProps {
  /** Prefix of the two controls' ids: `<id>-file` and `<id>-text`. */
  id: string;
  value: FileOrPasteValue;
  /** What the file input takes, e.g. ".json". */
  accept: string;
  /** Says which files fit, until one is picked. */
  fileHint: string;
  error?: string;
  rows?: number;
  onChange(value: FileOrPasteValue): void;
}

/** A file picker and a paste box for the same text: picking fills the box, typing forgets the file. */
export function FileOrPasteField({ id, value, accept, fileHint, error, rows = 10, onChange }: FileOrPasteFieldProps) {
  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onChange({ text: await file.text(), fileName: file.name });
  };
  return (
    <>
      <FormField htmlFor={`${id}-file`} label="File" hint={value.fileName ? `Read from ${value.fileName}.` : fileHint}>
        <input id={`${id}-file`} type="file" className="input" accept={accept} onChange={(event) => void pickFile(event)} />
      </FormField>
      <FormField htmlFor={`${id}-text`} label="Or paste" error={error}>
        <textarea
          id={`${id}-text`}
          className="input textarea mono"
          rows={rows}
          value={value.text}
          spellCheck={false}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={fieldMessageId(`${id}-text`)}
          onChange={(event) => onChange({ text: event.target.value, fileName: null })}
        />
      </FormField>
    </>
  );
}
