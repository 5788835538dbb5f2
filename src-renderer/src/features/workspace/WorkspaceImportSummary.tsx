import type { WorkspaceImportResult } from '../../../../src-shared/domain/workspace-file.ts';
import { CopyButton } from '../ui/CopyButton.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';
import { NeededSecretsList } from './NeededSecretsList.tsx';
import { SectionCountsTable } from './SectionCountsTable.tsx';
import { SECTION_LABELS } from './workspace-sections.ts';

/** What an import did, and what is left for the user: secrets to fill in, fresh signing secrets to hand out. */
export function WorkspaceImportSummary({ result, onLeave }: { result: WorkspaceImportResult; onLeave(): void }) {
  return (
    <div className="workspace-file-body" data-testid="workspace-summary">
      <p role="status">Imported.</p>
      <SectionCountsTable
        caption="What the import did"
        columns={[
          { label: 'Created', counts: result.created },
          { label: 'Replaced', counts: result.replaced },
          { label: 'Skipped', counts: result.skipped },
          { label: 'Unchanged', counts: result.unchanged },
        ]}
        testId="workspace-summary-counts"
      />
      {result.renamed.length > 0 && (
        <section aria-label="Renamed">
          <h3 className="workspace-file-heading">Renamed (counted as created)</h3>
          <ul className="plain-list" data-testid="workspace-renamed">
            {result.renamed.map((entry) => (
              <li key={`${entry.section}:${entry.from}`}>
                {SECTION_LABELS[entry.section]}: “{entry.from}” → <strong>“{entry.to}”</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.signingSecrets.length > 0 && (
        <section aria-label="New signing secrets">
          <h3 className="workspace-file-heading">New Standard Webhooks secrets — shown once, give them to the receivers</h3>
          <ul className="plain-list">
            {result.signingSecrets.map(({ webhook, secret }) => (
              <li key={webhook} className="signing-secret-row">
                {webhook}: <span className="mono">{secret}</span> <CopyButton text={secret} label={`Copy the secret of ${webhook}`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {result.needsSecrets.length > 0 && (
        <section aria-label="Secrets to fill in">
          <h3 className="workspace-file-heading">Secrets to fill in</h3>
          <NeededSecretsList secrets={result.needsSecrets} withLinks onLeave={onLeave} />
        </section>
      )}
      <ImportWarnings warnings={result.warnings} />
    </div>
  );
}
