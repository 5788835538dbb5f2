import { CLASHING_SECTIONS, type OnClash, type WorkspaceImportPreview as Preview } from '../../../../src-shared/domain/workspace-file.ts';
import { SegmentedRadio } from '../ui/SegmentedRadio.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';
import { NeededSecretsList } from './NeededSecretsList.tsx';
import { SectionCountsTable } from './SectionCountsTable.tsx';
import { SECTION_LABELS } from './workspace-sections.ts';

const CLASH_CHOICES: ReadonlyArray<{ value: OnClash; label: string; explain: string }> = [
  { value: 'skip', label: 'Skip', explain: 'Keep what this workspace has; the file’s entry is left out.' },
  { value: 'rename', label: 'Rename', explain: 'Import the file’s entry under a free name: “Name (2)”, bins “name-2”.' },
  { value: 'replace', label: 'Replace', explain: 'Overwrite this workspace’s entry with the file’s; it keeps its id and its deliveries.' },
];

export interface WorkspaceImportPreviewProps {
  preview: Preview;
  onClash: OnClash;
  onClashChange(choice: OnClash): void;
}

function Clashes({ preview, onClash, onClashChange }: WorkspaceImportPreviewProps) {
  const explained = CLASH_CHOICES.find((choice) => choice.value === onClash)!;
  return (
    <fieldset className="form-fieldset" data-testid="workspace-clashes">
      <legend>Already in this workspace, but different</legend>
      <ul className="plain-list">
        {CLASHING_SECTIONS.filter((section) => preview.clashes.some((clash) => clash.section === section)).map((section) => (
          <li key={section} data-section={section}>
            <strong>{SECTION_LABELS[section]}:</strong>{' '}
            {preview.clashes
              .filter((clash) => clash.section === section)
              .map((clash) => `“${clash.name}”`)
              .join(', ')}
          </li>
        ))}
      </ul>
      <SegmentedRadio label="For each of these" options={CLASH_CHOICES} value={onClash} onChange={onClashChange} />
      <p className="field-hint" data-testid="workspace-clash-explain">
        {explained.explain}
      </p>
    </fieldset>
  );
}

/** What an import would do, before it does it: nothing is written yet. */
export function WorkspaceImportPreview(props: WorkspaceImportPreviewProps) {
  const { preview } = props;
  return (
    <div className="workspace-file-body" data-testid="workspace-preview">
      <SectionCountsTable caption="In the file" columns={[{ label: 'Entries', counts: preview.counts }]} testId="workspace-preview-counts" />
      {preview.clashes.length > 0 ? <Clashes {...props} /> : <p className="muted">No name clashes with this workspace.</p>}
      {preview.needsSecrets.length > 0 && (
        <section aria-label="Secrets the file leaves out">
          <h3 className="workspace-file-heading">Secrets the file leaves out — to fill in after the import</h3>
          <NeededSecretsList secrets={preview.needsSecrets} />
        </section>
      )}
      <ImportWarnings warnings={preview.warnings} />
    </div>
  );
}
